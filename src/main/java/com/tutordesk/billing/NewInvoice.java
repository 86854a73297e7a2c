package com.tutordesk.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the person chose on Create Invoice.
 *
 * @param clientId    the client billed
 * @param sessionIds  the sessions to bill, in the order chosen (at least one unless a package is sold, at
 *                    most {@value Invoice#MAX_LINES}); each must be a billable, unbilled session of the client
 * @param adjustments signed amounts with memos, possibly none
 * @param dueDate     business-local due date (default: issue date + 14 days, see {@link InvoiceDates})
 * @param delivery    send now, schedule, or keep as a draft
 * @param sendOn      business-local send date when {@code delivery} is SCHEDULE, else ignored
 * @param packages    prepaid packages sold on the invoice (issue 17), possibly none
 */
public record NewInvoice(long clientId, List<Long> sessionIds, List<Adjustment> adjustments, LocalDate dueDate,
        Delivery delivery, LocalDate sendOn, List<PackageLine> packages) {

    /** An invoice of sessions and adjustments only. */
    public NewInvoice(long clientId, List<Long> sessionIds, List<Adjustment> adjustments, LocalDate dueDate,
            Delivery delivery, LocalDate sendOn) {
        this(clientId, sessionIds, adjustments, dueDate, delivery, sendOn, List.of());
    }

    /**
     * A prepaid package sold on the invoice (domain.md "Prepaid packages").
     *
     * @param engagementId the engagement whose sessions the hours are for (one of the client's)
     * @param minutes      the hours bought, in minutes: a positive multiple of 15, at most
     *                     {@value #MAX_PACKAGE_MINUTES}
     * @param priceMinor   the price, minor units: at least 0 and at most hours × the engagement's client rate
     *                     (rounded once, HALF_UP)
     * @param memo         optional note shown on the line, or {@code null}
     */
    public record PackageLine(long engagementId, int minutes, long priceMinor, String memo) {
    }

    /** Largest package, in minutes (500 hours): a typo guard. */
    public static final int MAX_PACKAGE_MINUTES = 30_000;

    /** How the new invoice goes out. */
    public enum Delivery {
        /** Issue (number it) and email it now. */
        SEND_NOW,
        /** Keep it as a draft that is issued and emailed on {@code sendOn} at the send hour. */
        SCHEDULE,
        /** Keep it as a draft. */
        DRAFT
    }

    /**
     * @param memo        what it is for, 1 to {@value InvoiceAdjustment#MEMO_MAX_LENGTH} characters
     * @param amountMinor signed minor units, not zero, at most {@value InvoiceAdjustment#MAX_AMOUNT_MINOR} either way
     */
    public record Adjustment(String memo, long amountMinor) {
    }

    public NewInvoice {
        sessionIds = List.copyOf(Objects.requireNonNull(sessionIds, "sessionIds"));
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
        packages = packages == null ? List.of() : List.copyOf(packages);
        Objects.requireNonNull(delivery, "delivery");
    }
}
