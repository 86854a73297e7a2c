package com.tutordesk.billing;

import com.tutordesk.people.BillTo;
import com.tutordesk.people.BillingContacts;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may see and bill which invoice and client (domain.md "Roles": invoices — admins all; a tutor
 * with Enhanced Access the clients they added, invoicing only their own sessions; a plain tutor none).
 * The one place the billing services ask; a record a user may not see is "not found", exactly as a
 * missing id.
 */
@Component
class InvoiceGuard {

    private final InvoiceRepository invoices;
    private final BillingContacts contacts;

    InvoiceGuard(InvoiceRepository invoices, BillingContacts contacts) {
        this.invoices = invoices;
        this.contacts = contacts;
    }

    /** @throws NotFoundException when the invoice does not exist or is not the user's to see */
    Invoice visible(CurrentUser user, long id) {
        Invoice invoice = invoices.findById(id).orElseThrow(() -> new NotFoundException("Invoice", id));
        requireVisible(user, invoice);
        return invoice;
    }

    /**
     * The invoice, its row locked until the transaction ends (one change of an invoice at a time).
     *
     * @throws NotFoundException when it does not exist or is not the user's to see
     */
    Invoice lockVisible(CurrentUser user, long id) {
        // Check before locking, so that nobody can hold another tutor's invoice row by guessing ids.
        visible(user, id);
        return invoices.lockById(id).orElseThrow(() -> new NotFoundException("Invoice", id));
    }

    /** @throws NotFoundException when the client does not exist or is not the user's to bill */
    BillTo billableClient(CurrentUser user, long clientId) {
        BillTo client = contacts.of(clientId).orElseThrow(() -> new NotFoundException("Client", clientId));
        if (!BillingAccess.mayBill(user, client.addedByTutorId())) {
            throw new NotFoundException("Client", clientId);
        }
        return client;
    }

    /** @return the client's billing contact as it is now (no role check) */
    Optional<BillTo> client(long clientId) {
        return contacts.of(clientId);
    }

    private void requireVisible(CurrentUser user, Invoice invoice) {
        if (user.isAdmin()) {
            return;
        }
        BillTo client = contacts.of(invoice.getClientId()).orElse(null);
        if (!user.enhancedAccess() || client == null || !Objects.equals(client.addedByTutorId(), user.tutorId())) {
            throw new NotFoundException("Invoice", invoice.getId());
        }
    }

    /** @return whether the viewer is a tutor and the invoice has lines of other tutors' sessions */
    static boolean includesOtherTutors(CurrentUser user, Invoice invoice) {
        return !user.isAdmin() && invoice.getLines().stream().anyMatch(l -> l.getTutorId() != user.tutorId());
    }

    /**
     * A tutor may not see other tutors' amounts (domain.md "Roles"), so they may neither download
     * nor email (to a billing address they may have edited) an invoice that includes such sessions.
     *
     * @param what e.g. "the PDF", for the message
     * @throws RuleViolationException for a tutor when the invoice includes other tutors' sessions
     */
    static void requireWholeInvoiceVisible(CurrentUser user, Invoice invoice, String what) {
        if (includesOtherTutors(user, invoice)) {
            throw new RuleViolationException("This invoice includes other tutors' sessions: ask the office for " + what);
        }
    }

    /** @return the ids of the sessions the invoice holds (none once it is cancelled) */
    static List<Long> activeSessions(Invoice invoice) {
        List<Long> ids = new ArrayList<>();
        for (InvoiceLine line : invoice.getLines()) {
            if (line.getActiveSessionId() != null) {
                ids.add(line.getActiveSessionId());
            }
        }
        return ids;
    }
}
