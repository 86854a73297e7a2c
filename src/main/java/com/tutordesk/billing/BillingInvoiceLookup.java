package com.tutordesk.billing;

import com.tutordesk.session.InvoiceLookup;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers the session module's question "which invoice is this session on". Checks no role. */
@Component
class BillingInvoiceLookup implements InvoiceLookup {

    private final InvoiceRepository invoices;

    BillingInvoiceLookup(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SessionInvoice> invoiceOf(long sessionId) {
        return invoices.activeLineOf(sessionId).map(InvoiceLine::invoiceForLookup);
    }
}
