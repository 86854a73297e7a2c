/**
 * Billing: invoices and the Payments page (issue 7; rules: domain.md "Invoices"). An invoice is made
 * for one client from that client's billable, unbilled sessions (one line per session, the amount
 * copied from the session's stored client amount, never recomputed) plus signed adjustments with a
 * memo. It goes DRAFT → OPEN (issued: numbered INV-000123 without gaps, emailed with its PDF through
 * the mail outbox) → PAID (a manual payment), or OPEN → CANCELLED (its sessions become unbilled
 * again); "Overdue" is an OPEN invoice past its due date in the business zone. A session is on at
 * most one non-cancelled invoice, which the database enforces. Scheduled sends run as db-scheduler
 * one-time jobs at a business-local hour. Session billing states change only through
 * {@link com.tutordesk.session.SessionBilling}; this module answers the session module's
 * {@link com.tutordesk.session.InvoiceLookup}. Card payments (issue 8, the payment module above this
 * one) plug in through {@link com.tutordesk.billing.InvoicePayLinks} (Pay now links),
 * the {@link com.tutordesk.billing.InvoiceIssued} event (payment decides "charge or email"),
 * {@link com.tutordesk.billing.InvoiceCharges} (record a card payment, email the invoice or the pay link),
 * {@link com.tutordesk.billing.InvoicesInFlight} and {@link com.tutordesk.billing.InvoicePageSection}
 * (their part of the invoice page), {@link com.tutordesk.billing.InvoiceRefunds} and
 * {@link com.tutordesk.billing.InvoiceCardRefunds} (card refunds, also for a prepaid package's unused
 * hours, issue 17, settling as {@link com.tutordesk.billing.InvoiceCardRefundSettled}).
 *
 * <p>By use case: {@link com.tutordesk.billing.InvoiceQueryService} (candidates, details, PDF),
 * {@link com.tutordesk.billing.InvoiceIssuingService} (create, send, schedule, numbering),
 * {@link com.tutordesk.billing.InvoiceSettlementService} (mark paid, undo, cancel, drafts),
 * {@link com.tutordesk.billing.BillingRunService} ("Invoice all clients", issue 15) and
 * {@link com.tutordesk.billing.OverdueReminders} (issue 15).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "directory", "engagement", "mail", "people", "scheduling", "security", "session", "settings", "shared"})
package com.tutordesk.billing;
