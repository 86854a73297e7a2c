package com.tutordesk.billing;

import com.tutordesk.mail.MailOutbox;
import com.tutordesk.mail.OutboxMessage;
import com.tutordesk.people.BillTo;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.session.BillableSession;
import com.tutordesk.session.SessionBilling;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading invoices (issue 7; domain.md "Invoices" and "Roles"): what Create Invoice offers for a
 * client, one invoice as its viewer may see it, its PDF. For an Enhanced-Access tutor the amounts of
 * other tutors' lines are redacted; a plain tutor gets "not found" for every invoice, as for a
 * missing id. (The Payments page's lists and totals are {@link PaymentsService}.)
 */
@Service
public class InvoiceQueryService {

    private final InvoiceRepository invoices;
    private final InvoicePaymentRepository payments;
    private final SessionBilling sessionBilling;
    private final InvoiceGuard guard;
    private final InvoiceDocuments documents;
    private final PaidInvoiceCancellation paidCancellation;
    private final MailOutbox outbox;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final BillingProperties properties;
    private final Clock clock;

    InvoiceQueryService(InvoiceRepository invoices, InvoicePaymentRepository payments, SessionBilling sessionBilling,
            InvoiceGuard guard, InvoiceDocuments documents, PaidInvoiceCancellation paidCancellation,
            MailOutbox outbox, CurrentUserService currentUsers, SettingsService settings, BillingProperties properties,
            Clock clock) {
        this.invoices = invoices;
        this.payments = payments;
        this.sessionBilling = sessionBilling;
        this.guard = guard;
        this.documents = documents;
        this.paidCancellation = paidCancellation;
        this.outbox = outbox;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What Create Invoice offers for a client: its unbilled sessions (for an Enhanced-Access tutor only
     * their own) that no draft holds — the same sessions the sessions list and the Payments page count
     * as unbilled, less those on drafts, which it names — today and the default due date.
     *
     * @throws NotFoundException when the client does not exist or is not the viewer's to bill
     */
    @Transactional(readOnly = true)
    public InvoiceCandidates candidates(long clientId) {
        CurrentUser user = currentUsers.require();
        BillTo client = guard.billableClient(user, clientId);
        List<BillableSession> unbilled = sessionBilling.billableSessions(client.clientId(),
                user.isAdmin() ? null : user.tutorId());
        SortedMap<Long, Integer> onDrafts = new TreeMap<>();
        Set<Long> taken = new HashSet<>();
        if (!unbilled.isEmpty()) {
            for (InvoiceLine line : invoices.activeLinesOf(unbilled.stream().map(BillableSession::id).toList())) {
                taken.add(line.getSessionId());
                onDrafts.merge(line.invoiceId(), 1, Integer::sum);
            }
        }
        List<BillableSession> sessions = unbilled.stream().filter(s -> !taken.contains(s.id())).toList();
        LocalDate today = settings.profile().today(clock);
        return new InvoiceCandidates(client.clientId(), client.clientName(), client.contactName(), client.contactEmail(),
                client.address(), sessions, today, InvoiceDates.defaultDueDate(today, properties.dueDays()),
                settings.profile().currency().getCurrencyCode(), onDrafts);
    }

    /**
     * One invoice with everything its viewer may see.
     *
     * @throws NotFoundException when it does not exist or is not the viewer's to see
     */
    @Transactional(readOnly = true)
    public InvoiceDetails details(long id) {
        CurrentUser user = currentUsers.require();
        Invoice invoice = guard.visible(user, id);
        BillTo client = guard.client(invoice.getClientId()).orElseThrow();
        LocalDate today = settings.profile().today(clock);
        boolean overdue = invoice.getState() == InvoiceState.OPEN && InvoiceDates.overdue(invoice.getDueDate(), today);
        boolean redacting = !user.isAdmin();
        boolean othersOnIt = InvoiceGuard.includesOtherTutors(user, invoice);
        List<InvoiceDetails.Line> lines = invoice.getLines().stream().map(line -> {
            boolean hidden = redacting && line.getTutorId() != user.tutorId();
            return new InvoiceDetails.Line(line.getSessionId(), line.getSessionStartsAt(), line.getStudentName(),
                    line.getSubjectName(), line.getTutorName(), line.getDurationMinutes(), line.isLateCancelled(),
                    hidden ? null : line.getRateMinor(), hidden ? null : line.getAmountMinor());
        }).toList();
        Long own = redacting ? invoice.getLines().stream().filter(l -> l.getTutorId() == user.tutorId())
                .mapToLong(InvoiceLine::getAmountMinor).sum() : null;
        InvoiceState state = invoice.getState();
        boolean issued = state == InvoiceState.OPEN || state == InvoiceState.PAID;
        List<InvoicePayment> received = payments.findByInvoiceIdOrderByRecordedAtAscIdAsc(id);
        String cancelBlocked = state == InvoiceState.PAID && user.isAdmin()
                ? paidCancellation.blockedReason(invoice, received) : null;
        InvoiceDetails.Actions actions = new InvoiceDetails.Actions(!othersOnIt, issued && !othersOnIt,
                state == InvoiceState.OPEN && !othersOnIt,
                user.isAdmin() && (state == InvoiceState.OPEN || (state == InvoiceState.PAID && cancelBlocked == null)),
                state == InvoiceState.DRAFT && !othersOnIt,
                state == InvoiceState.DRAFT);
        return new InvoiceDetails(invoice.getId(), invoice.getNumber(), state, InvoiceStatus.of(state, overdue),
                invoice.getClientId(), client.clientName(), invoice.getBillToName(), invoice.getBillToEmail(),
                invoice.getBillToAddress(), invoice.getIssueDate(), invoice.getDueDate(), invoice.getSendOn(),
                invoice.getSendProblem(), invoice.getCurrency(), lines,
                invoice.getAdjustments().stream()
                        .map(a -> new InvoiceDetails.Adjustment(a.getMemo(), a.getAmountMinor())).toList(),
                othersOnIt ? null : invoice.getLinesTotalMinor(), invoice.getAdjustmentsTotalMinor(),
                othersOnIt ? null : invoice.getTotalMinor(), own,
                received.stream()
                        .map(p -> new InvoiceDetails.Payment(p.getId(), p.getMethod(),
                                othersOnIt ? null : p.getAmountMinor(), p.getPaidOn(), p.getReference(),
                                p.getRecordedAt(), p.getUndoneAt(), p.getUndoReason(),
                                user.isAdmin() && state == InvoiceState.PAID && !p.isUndone()
                                        && p.getMethod() != PaymentMethod.CARD))
                        .toList(),
                outbox.messagesFor(InvoiceEmail.reference(id)), actions, cancelBlocked);
    }

    /**
     * The invoice as PDF, exactly as emailed.
     *
     * @throws NotFoundException when it is not the viewer's to see
     * @throws RuleViolationException for a tutor when it includes other tutors' sessions (their
     *         amounts would show)
     */
    @Transactional(readOnly = true)
    public byte[] pdf(long id) {
        CurrentUser user = currentUsers.require();
        Invoice invoice = guard.visible(user, id);
        InvoiceGuard.requireWholeInvoiceVisible(user, invoice, "the PDF");
        return documents.pdf(invoice);
    }

    /** @return the PDF's file name, e.g. "INV-000123.pdf" */
    @Transactional(readOnly = true)
    public String pdfFileName(long id) {
        return InvoicePdf.fileName(guard.visible(currentUsers.require(), id));
    }

    /**
     * @return what happened to the invoice's latest email, e.g. "queued for ann@example.org" or "held: no
     *         mail server configured (for ann@example.org)" — for the toast after sending (issue 12: never
     *         "sent" before it was); empty when it has none (e.g. charged to the card on file instead)
     * @throws NotFoundException when it is not the caller's to see
     */
    @Transactional(readOnly = true)
    public Optional<String> latestEmailNote(long id) {
        guard.visible(currentUsers.require(), id);
        return outbox.latestFor(InvoiceEmail.reference(id)).map(OutboxMessage::queuedText);
    }
}
