package com.tutordesk.payment;

import com.tutordesk.billing.InvoicesInFlight;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Billing's view of payments in flight: an invoice with a PENDING payment attempt (an off-session
 * charge whose outcome is not known yet, or a Pay now page not yet paid or expired) gets no overdue
 * reminder until that attempt settles.
 */
@Component
class PaymentsInFlight implements InvoicesInFlight {

    private final PaymentAttemptRepository attempts;

    PaymentsInFlight(PaymentAttemptRepository attempts) {
        this.attempts = attempts;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> inFlight(Collection<Long> invoiceIds) {
        return invoiceIds.isEmpty() ? Set.of() : new HashSet<>(attempts.inFlightAmong(invoiceIds));
    }
}
