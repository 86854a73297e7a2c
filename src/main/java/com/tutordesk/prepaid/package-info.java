/**
 * Prepaid packages (issue 17; rules: domain.md "Prepaid packages"): a family pays ahead for a number of
 * hours of one engagement, sold as a line on an invoice ({@link com.tutordesk.billing.PackageSales}).
 * The hours become available when that invoice is paid ({@link com.tutordesk.billing.InvoicePaid}) and
 * go away when the payment is undone or the invoice refunded. Completed sessions use them oldest package
 * first, in the session's own transaction: the session module asks through
 * {@link com.tutordesk.session.PackageMinutes}, which {@link com.tutordesk.prepaid.PackageLedger}
 * implements with the packages locked ({@code SELECT … FOR UPDATE}), so that two sessions never use the
 * same minutes. {@link com.tutordesk.prepaid.PrepaidService} is the module's API: balances for the client
 * and engagement pages, the Log Session preview, the Payments page and the client portal.
 * {@link com.tutordesk.prepaid.PackageRefunds} is "Refund unused hours": the unused value goes back the way
 * the invoice was paid — a Stripe refund of its card payment through billing's
 * {@link com.tutordesk.billing.InvoiceCardRefunds} (implemented by the card-payments module, which this
 * module never depends on), or recorded by the office (method, date, reference).
 * {@link com.tutordesk.prepaid.LowBalanceEmails} queues the optional low-balance email
 * (a Settings threshold in hours, once per package). Tutor earnings and payroll never read packages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "billing", "directory", "engagement", "mail", "people", "security", "session", "settings", "shared"})
package com.tutordesk.prepaid;
