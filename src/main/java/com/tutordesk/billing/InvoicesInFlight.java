package com.tutordesk.billing;

import java.util.Collection;
import java.util.Set;

/**
 * Which invoices have a card payment in flight (a charge or a Pay now page whose outcome is not known
 * yet). Declared here and implemented by the card-payments module, so that billing never depends on
 * it; without card payments nothing is in flight. Overdue reminders skip such invoices (issue 15).
 */
public interface InvoicesInFlight {

    /** @return those of {@code invoiceIds} with a payment attempt in flight */
    Set<Long> inFlight(Collection<Long> invoiceIds);
}
