/**
 * Card payments with Stripe (issue 8; rules: domain.md "Payments" and "Roles"). A client saves a card
 * through a hosted Stripe Checkout page in setup mode (the "card setup link" emailed through the
 * outbox); the client then has a card on file (brand, last 4, expiry — never more) and may have
 * automatic payments. An autopay client's invoices are charged off session as soon as they are issued
 * (Confirm &amp; Charge on a completed session issues a one-session invoice and charges it); other
 * clients pay through the invoice's Pay now link, a hosted Checkout page for exactly the open amount.
 *
 * <p>Every try to collect an invoice is a {@link com.tutordesk.payment.PaymentAttempt} whose
 * idempotency key {@code invoice-{id}-attempt-{n}} and parameters are committed before Stripe is
 * called, outside any database transaction; a retry after a timeout sends the same key and
 * parameters, and the database allows one attempt in flight per invoice and none on an invoice that is
 * not open. Stripe's webhook ({@code /stripe/webhook}) is verified, stored once per event id and
 * processed in the transaction of its effect, re-reading the object from Stripe. Refunds, full or
 * partial with a reason, are shown on the invoice.
 *
 * <p>This module sits above billing, people, session and directory and plugs into their pages
 * through {@link com.tutordesk.billing.InvoicePageSection}, {@link com.tutordesk.session.SessionPageAction}
 * and {@link com.tutordesk.directory.ClientPageSection}; it answers billing's
 * {@link com.tutordesk.billing.InvoicePayLinks}, {@link com.tutordesk.billing.InvoiceCheckouts} and
 * {@link com.tutordesk.billing.InvoicesInFlight}, and decides "charge or email" for every issued invoice
 * ({@code IssuedInvoiceCollection}, after the issuing commit).
 * Without {@code STRIPE_SECRET_KEY} and {@code STRIPE_WEBHOOK_SECRET} card payments are off: the card
 * actions show, disabled, with "Card payments are not configured", and invoices work as before.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "billing", "directory", "mail", "people", "scheduling", "security", "session", "settings", "shared"})
package com.tutordesk.payment;
