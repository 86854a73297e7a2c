package com.tutordesk.payment;

import com.tutordesk.billing.InvoiceCharges;
import com.tutordesk.billing.InvoiceCharges.ChargeableInvoice;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * What every card action checks first (domain.md "Roles": charges, refunds, cards — admins all
 * clients, Enhanced-Access tutors the clients they added, anyone else "not found"): card payments
 * configured, the invoice the user's to handle, and its total visible to them.
 */
@Component
class CardGuard {

    private final StripeGateway stripe;
    private final InvoiceCharges invoices;
    private final CurrentUserService currentUsers;

    CardGuard(StripeGateway stripe, InvoiceCharges invoices, CurrentUserService currentUsers) {
        this.stripe = stripe;
        this.invoices = invoices;
        this.currentUsers = currentUsers;
    }

    /** @return whether card payments are configured (Stripe keys set) */
    boolean configured() {
        return stripe.configured();
    }

    /** @throws CardPaymentsNotConfiguredException when they are not */
    void requireConfigured() {
        if (!configured()) {
            throw new CardPaymentsNotConfiguredException();
        }
    }

    /**
     * @return the invoice, when the user may handle its client's payments
     * @throws NotFoundException when it does not exist or is not the user's to handle
     */
    ChargeableInvoice handledInvoice(CurrentUser user, long invoiceId) {
        ChargeableInvoice invoice = invoices.find(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        if (!CardAccess.mayHandle(user, invoice.clientAddedByTutorId())) {
            throw new NotFoundException("Invoice", invoiceId);
        }
        return invoice;
    }

    /** A tutor does not see the total of an invoice with other tutors' sessions (issue 7). */
    boolean totalHiddenFrom(CurrentUser user, long invoiceId) {
        return !user.isAdmin() && invoices.hasOtherTutorsLines(invoiceId, user.tutorId());
    }

    /** @return the signed-in user's id, or {@code null} (webhook, background job) */
    Long currentUserId() {
        return currentUsers.find().map(CurrentUser::userId).orElse(null);
    }
}
