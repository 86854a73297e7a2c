package com.tutordesk.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Billing settings ({@code tutordesk.billing.*}).
 *
 * @param sendHour            business-local hour (0–23) at which scheduled invoices are issued and
 *                            emailed on their send date (issue 7: "default 9:00")
 * @param dueDays             days from the issue date to the default due date (domain.md: 14)
 * @param paymentInstructions "How to pay" text printed on every invoice and in its email (e.g. bank
 *                            details); the invoice number is always added as the reference to quote
 */
@ConfigurationProperties("tutordesk.billing")
public record BillingProperties(@DefaultValue("9") int sendHour, @DefaultValue("14") int dueDays,
        @DefaultValue("Pay by bank transfer, cheque or cash at the office.") String paymentInstructions) {

    public BillingProperties {
        if (sendHour < 0 || sendHour > 23) {
            throw new IllegalArgumentException("tutordesk.billing.send-hour must be between 0 and 23: " + sendHour);
        }
        if (dueDays < 0 || dueDays > 365) {
            throw new IllegalArgumentException("tutordesk.billing.due-days must be between 0 and 365: " + dueDays);
        }
        paymentInstructions = paymentInstructions == null ? "" : paymentInstructions.strip();
    }
}
