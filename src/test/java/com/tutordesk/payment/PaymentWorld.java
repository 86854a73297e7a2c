package com.tutordesk.payment;

import com.tutordesk.billing.BillingFixture;
import com.tutordesk.billing.InvoiceIssuingService;
import com.tutordesk.billing.NewInvoice;
import com.tutordesk.testing.TestData;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** A client of its own for one payment test, with or without a card on file, and its sessions. */
final class PaymentWorld {

    final JdbcTemplate jdbc;
    final BillingFixture family;
    final long clientId;
    final String email;

    PaymentWorld(JdbcTemplate jdbc, TestData data, Long addedByTutorId) {
        this.jdbc = jdbc;
        this.family = BillingFixture.create(jdbc, data, addedByTutorId);
        this.clientId = family.clientId;
        this.email = family.clientEmail;
    }

    /** Gives the client a saved Visa 4242 (customer cus_{id}, payment method pm_{id}) and autopay as chosen. */
    PaymentWorld withCard(boolean autopay) {
        jdbc.update("update clients set stripe_customer_id = ?, stripe_payment_method_id = ?, card_brand = 'visa',"
                + " card_last4 = '4242', card_exp_month = 4, card_exp_year = 2030, autopay = ? where id = ?",
                customer(), paymentMethod(), autopay, clientId);
        return this;
    }

    String customer() {
        return "cus_" + clientId;
    }

    String paymentMethod() {
        return "pm_" + clientId;
    }

    /** {@code count} completed hour-long sessions at {@code rateMinor} an hour. */
    List<Long> sessions(int count, long rateMinor, Instant now) {
        return family.sessions(count, rateMinor, now);
    }

    long invoiceOf(long sessionId) {
        return jdbc.queryForObject("select invoice_id from invoice_lines where active_session_id = ?", Long.class,
                sessionId);
    }

    String invoiceState(long invoiceId) {
        return jdbc.queryForObject("select state from invoices where id = ?", String.class, invoiceId);
    }

    String number(long invoiceId) {
        return jdbc.queryForObject("select number from invoices where id = ?", String.class, invoiceId);
    }

    long total(long invoiceId) {
        return jdbc.queryForObject("select total_minor from invoices where id = ?", Long.class, invoiceId);
    }

    /** Issues (sends now) an invoice of these sessions as the signed-in user. */
    long issue(InvoiceIssuingService invoices, List<Long> sessions) {
        return invoices.create(new NewInvoice(clientId, sessions, List.of(), invoices.defaultDueDate(),
                NewInvoice.Delivery.SEND_NOW, null));
    }

    List<String> attemptStatuses(long invoiceId) {
        return jdbc.queryForList("select status from payment_attempts where invoice_id = ? order by attempt_number",
                String.class, invoiceId);
    }

    /** @return the subjects of the emails about an invoice, oldest first */
    List<String> invoiceEmails(long invoiceId) {
        return jdbc.queryForList("select subject from mail_messages where ref_type = 'INVOICE' and ref_id = ?"
                + " order by id", String.class, invoiceId);
    }

    String lastInvoiceEmailText(long invoiceId) {
        return jdbc.queryForObject("select text_body from mail_messages where ref_type = 'INVOICE'"
                + " and ref_id = ? order by id desc limit 1", String.class, invoiceId);
    }
}
