package com.tutordesk.billing;

import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A family's own invoices and payments, for the client portal (domain.md "Client portal": invoices
 * with PDF and Pay now, payments). Every method is for a CLIENT login only and reads only that
 * client's invoices: an invoice of another family, and one never issued (a draft or a scheduled
 * send), is "not found", exactly as a missing id.
 */
@Service
public class FamilyInvoiceService {

    private final InvoiceRepository invoices;
    private final InvoicePaymentRepository payments;
    private final InvoiceDocuments documents;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final Clock clock;

    FamilyInvoiceService(InvoiceRepository invoices, InvoicePaymentRepository payments, InvoiceDocuments documents,
            CurrentUserService currentUsers, SettingsService settings, Clock clock) {
        this.invoices = invoices;
        this.payments = payments;
        this.documents = documents;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * One invoice in the family's list.
     *
     * @param id         invoice id
     * @param number     "INV-000123"
     * @param status     Outstanding, Overdue, Paid or Cancelled (by the business-local date)
     * @param issueDate  business-local issue date
     * @param dueDate    business-local due date
     * @param totalMinor total in minor units of {@code currency}
     * @param currency   ISO 4217
     * @param payLink    the Pay now link while it is open and card payments are on, else {@code null}
     */
    public record Summary(long id, String number, InvoiceStatus status, LocalDate issueDate, LocalDate dueDate,
            long totalMinor, String currency, URI payLink) {
    }

    /**
     * One invoice as the family reads it: what it was billed, never what the tutor earns.
     *
     * @param summary     as in the list
     * @param billToName  billing contact as on the invoice
     * @param lines       sessions billed, in order
     * @param adjustments adjustments (± minor units with a memo), in order
     * @param payments    payments received for it (oldest first)
     */
    public record Details(Summary summary, String billToName, List<InvoiceDetails.Line> lines,
            List<InvoiceDetails.Adjustment> adjustments, List<Payment> payments) {
    }

    /**
     * A payment of one of the family's invoices.
     *
     * @param invoiceId     the invoice paid
     * @param invoiceNumber its number
     * @param method        card, cash, cheque, bank transfer or other
     * @param amountMinor   amount in minor units of {@code currency}
     * @param currency      ISO 4217
     * @param paidOn        business-local date
     * @param reference     e.g. cheque number, or {@code null}
     * @param undone        whether the office undid it (a cheque that bounced), or it was refunded
     * @param recordedAt    when it was recorded (UTC)
     */
    public record Payment(long invoiceId, String invoiceNumber, PaymentMethod method, long amountMinor,
            String currency, LocalDate paidOn, String reference, boolean undone, Instant recordedAt) {
    }

    /**
     * @return the family's issued invoices (open, paid, cancelled), newest first
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is a client
     */
    @Transactional(readOnly = true)
    public List<Summary> invoices() {
        CurrentUser family = currentUsers.requireClient();
        LocalDate today = settings.profile().today(clock);
        return issuedOf(family).stream().map(invoice -> summary(invoice, today)).toList();
    }

    /**
     * @return one of the family's issued invoices
     * @throws NotFoundException when it does not exist, is another family's, or was never issued
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is a client
     */
    @Transactional(readOnly = true)
    public Details invoice(long id) {
        Invoice invoice = visible(currentUsers.requireClient(), id);
        LocalDate today = settings.profile().today(clock);
        List<InvoiceDetails.Line> lines = invoice.getLines().stream()
                .map(line -> new InvoiceDetails.Line(line.getSessionId(), line.getSessionStartsAt(),
                        line.getStudentName(), line.getSubjectName(), line.getTutorName(), line.getDurationMinutes(),
                        line.isLateCancelled(), line.getRateMinor(), line.getAmountMinor()))
                .toList();
        List<InvoiceDetails.Adjustment> adjustments = invoice.getAdjustments().stream()
                .map(a -> new InvoiceDetails.Adjustment(a.getMemo(), a.getAmountMinor())).toList();
        return new Details(summary(invoice, today), invoice.getBillToName(), lines, adjustments,
                payments.findByInvoiceIdOrderByRecordedAtAscIdAsc(id).stream().map(p -> payment(invoice, p)).toList());
    }

    /**
     * @return the invoice as PDF, exactly as emailed (with its Pay now link while open)
     * @throws NotFoundException as {@link #invoice}
     */
    @Transactional(readOnly = true)
    public byte[] pdf(long id) {
        return documents.pdf(visible(currentUsers.requireClient(), id));
    }

    /**
     * @return the PDF's file name, e.g. "INV-000123.pdf"
     * @throws NotFoundException as {@link #invoice}
     */
    @Transactional(readOnly = true)
    public String pdfFileName(long id) {
        return InvoicePdf.fileName(visible(currentUsers.requireClient(), id));
    }

    /**
     * @return every payment of the family's invoices, newest first (receipts: each was emailed)
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is a client
     */
    @Transactional(readOnly = true)
    public List<Payment> payments() {
        CurrentUser family = currentUsers.requireClient();
        List<Payment> all = new ArrayList<>();
        for (Invoice invoice : issuedOf(family)) {
            for (InvoicePayment p : payments.findByInvoiceIdOrderByRecordedAtAscIdAsc(invoice.getId())) {
                all.add(payment(invoice, p));
            }
        }
        all.sort(Comparator.comparing(Payment::recordedAt).reversed());
        return all;
    }

    private List<Invoice> issuedOf(CurrentUser family) {
        return invoices.findByClientIdAndNumberIsNotNullOrderByIssueDateDescIdDesc(family.clientId()).stream()
                .filter(invoice -> invoice.getState() != InvoiceState.DRAFT).toList();
    }

    /** A draft or scheduled invoice was never sent: to the family it does not exist yet. */
    private Invoice visible(CurrentUser family, long id) {
        return invoices.findById(id)
                .filter(invoice -> invoice.getClientId() == family.clientId())
                .filter(invoice -> invoice.getNumber() != null && invoice.getState() != InvoiceState.DRAFT)
                .orElseThrow(() -> new NotFoundException("Invoice", id));
    }

    private Summary summary(Invoice invoice, LocalDate today) {
        boolean overdue = invoice.getState() == InvoiceState.OPEN && InvoiceDates.overdue(invoice.getDueDate(), today);
        return new Summary(invoice.getId(), invoice.getNumber(), InvoiceStatus.of(invoice.getState(), overdue),
                invoice.getIssueDate(), invoice.getDueDate(), invoice.getTotalMinor(), invoice.getCurrency(),
                documents.payLinkIfOpen(invoice));
    }

    private static Payment payment(Invoice invoice, InvoicePayment p) {
        return new Payment(invoice.getId(), invoice.getNumber(), p.getMethod(), p.getAmountMinor(),
                invoice.getCurrency(), p.getPaidOn(), p.getReference(), p.isUndone(), p.getRecordedAt());
    }
}
