package com.tutordesk.prepaid;

import com.tutordesk.billing.PaymentMethod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One package as the client and engagement pages list it (issue 17): what was bought, used and is left,
 * with the sessions that used it.
 *
 * @param packageId       the package, or {@code null} while awaiting payment (it is an invoice line then)
 * @param invoiceId       the invoice it was sold on
 * @param invoiceNumber   e.g. "INV-000123", or {@code null} for a draft invoice
 * @param engagementId    the engagement
 * @param engagementLabel e.g. "Ana Lopez — Algebra II (Ines Oliveira)"
 * @param minutesBought   minutes bought
 * @param minutesUsed     minutes sessions used
 * @param minutesLeft     minutes still available (0 awaiting payment, used up or refunded)
 * @param priceMinor      the price paid, minor units
 * @param currency        ISO 4217 currency of the amounts
 * @param state           awaiting payment, active, used up or refunded
 * @param paidAt          when its invoice was paid (UTC), or {@code null} while awaiting payment
 * @param refundedMinor   the value refunded for unused minutes, minor units (0 unless refunded)
 * @param refundedMinutes the unused minutes the refund removed (0 unless refunded)
 * @param refund          how the refunded value went back, or {@code null} unless refunded
 * @param uses            the sessions that used it, oldest first
 */
public record PackageRow(Long packageId, long invoiceId, String invoiceNumber, long engagementId,
        String engagementLabel, int minutesBought, int minutesUsed, int minutesLeft, long priceMinor, String currency,
        PackageState state, Instant paidAt, long refundedMinor, int refundedMinutes, Refund refund, List<Use> uses) {

    /**
     * How a refunded package's unused value went back (issue 17).
     *
     * @param method    CARD (a Stripe refund), a manual method (recorded by the office), or {@code null}:
     *                  nothing to pay back (a free package), or recorded before refunds moved money
     * @param date      business-local date of the refund, or {@code null} for old records
     * @param reference the office's reference of a manual refund, the key of a card refund, or {@code null}
     * @param cardLast4 the card's last four digits, or {@code null}
     * @param pending   a card refund Stripe is still processing
     */
    public record Refund(PaymentMethod method, LocalDate date, String reference, String cardLast4, boolean pending) {
    }

    /**
     * @param sessionId the session
     * @param startsAt  its start (UTC)
     * @param minutes   minutes it used of this package
     */
    public record Use(long sessionId, Instant startsAt, int minutes) {
    }

    public PackageRow {
        uses = List.copyOf(uses);
    }
}
