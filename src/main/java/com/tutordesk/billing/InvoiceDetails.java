package com.tutordesk.billing;

import com.tutordesk.mail.OutboxMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One invoice as its viewer may see it. For an Enhanced-Access tutor the amounts of other tutors'
 * lines are {@code null} (redacted, issue 7), and so are the sums they would reveal.
 *
 * @param id                 invoice id
 * @param number             "INV-000123", or {@code null} for a draft
 * @param state              stored state
 * @param status             state as shown (OPEN split into outstanding / overdue)
 * @param clientId           client id
 * @param clientName         client
 * @param billToName         billing contact as on the invoice
 * @param billToEmail        billing email as on the invoice
 * @param billToAddress      postal address or {@code null}
 * @param issueDate          business-local issue date, {@code null} for a draft
 * @param dueDate            business-local due date
 * @param sendOn             business-local date of a scheduled send, or {@code null}
 * @param sendProblem        why a scheduled send could not issue it, or {@code null}
 * @param currency           ISO 4217 currency
 * @param lines              sessions billed, in order
 * @param adjustments        adjustments, in order
 * @param linesTotalMinor    Σ lines, {@code null} when redacted
 * @param adjustmentsTotalMinor Σ adjustments
 * @param totalMinor         the total, {@code null} when redacted
 * @param ownLinesMinor      for a tutor: Σ of their own lines; {@code null} for admins
 * @param payments           payments received
 * @param emails             emails about this invoice, newest first
 * @param allowed            what the viewer may do with it now
 * @param cancelBlockedReason for an admin on a paid invoice: what to do before it can be cancelled
 *                           (undo or refund its payments), else {@code null}
 */
public record InvoiceDetails(long id, String number, InvoiceState state, InvoiceStatus status, long clientId,
        String clientName, String billToName, String billToEmail, String billToAddress, LocalDate issueDate,
        LocalDate dueDate, LocalDate sendOn, String sendProblem, String currency, List<Line> lines,
        List<Adjustment> adjustments, Long linesTotalMinor, long adjustmentsTotalMinor, Long totalMinor,
        Long ownLinesMinor, List<Payment> payments, List<OutboxMessage> emails, Actions allowed,
        String cancelBlockedReason) {

    /**
     * @param sessionId       the session billed
     * @param startsAt        session start, UTC instant
     * @param studentName     student
     * @param subjectName     subject
     * @param tutorName       tutor
     * @param durationMinutes duration in minutes
     * @param lateCancelled   whether it is a late-cancellation charge
     * @param rateMinor       client rate per hour, {@code null} when redacted
     * @param amountMinor     line amount, {@code null} when redacted
     */
    public record Line(long sessionId, Instant startsAt, String studentName, String subjectName, String tutorName,
            int durationMinutes, boolean lateCancelled, Long rateMinor, Long amountMinor) {
    }

    /** @param amountMinor signed minor units */
    public record Adjustment(String memo, long amountMinor) {
    }

    /**
     * @param id          payment id (for Undo)
     * @param amountMinor what was paid (the invoice's total), {@code null} when redacted: it would
     *                    reveal the total of an invoice with other tutors' sessions
     * @param paidOn      business-local date the money arrived
     * @param undoneAt    when an admin undid it (UTC), or {@code null}
     * @param undoReason  why it was undone, or {@code null}
     * @param mayUndo     the viewer may undo it now (an admin, a manual payment of a paid invoice)
     */
    public record Payment(long id, PaymentMethod method, Long amountMinor, LocalDate paidOn, String reference,
            Instant recordedAt, Instant undoneAt, String undoReason, boolean mayUndo) {

        /** @return whether the payment was undone */
        public boolean undone() {
            return undoneAt != null;
        }
    }

    /** What the viewer may do with the invoice in its current state. */
    public record Actions(boolean downloadPdf, boolean resend, boolean markPaid, boolean cancel, boolean sendNow,
            boolean deleteDraft) {
    }

    /** @return "INV-000123", or "Draft invoice" */
    public String title() {
        return number == null ? "Draft invoice" : number;
    }

    /** @return whether amounts of other tutors' lines are hidden from the viewer */
    public boolean redacted() {
        return totalMinor == null;
    }
}
