package com.tutordesk.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the person chose on Create Invoice.
 *
 * @param clientId    the client billed
 * @param sessionIds  the sessions to bill, in the order chosen (at least one, at most
 *                    {@value Invoice#MAX_LINES}); each must be a billable, unbilled session of the client
 * @param adjustments signed amounts with memos, possibly none
 * @param dueDate     business-local due date (default: issue date + 14 days, see {@link InvoiceDates})
 * @param delivery    send now, schedule, or keep as a draft
 * @param sendOn      business-local send date when {@code delivery} is SCHEDULE, else ignored
 */
public record NewInvoice(long clientId, List<Long> sessionIds, List<Adjustment> adjustments, LocalDate dueDate,
        Delivery delivery, LocalDate sendOn) {

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
        Objects.requireNonNull(delivery, "delivery");
    }
}
