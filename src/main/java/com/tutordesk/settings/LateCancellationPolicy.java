package com.tutordesk.settings;

/**
 * How a late cancellation is charged and paid (domain.md "Status": LATE_CANCELLED amounts follow
 * the business's policy, e.g. client charged 100 %, tutor paid 50 %).
 *
 * @param windowHours         a cancellation less than this many hours before the start is late
 * @param clientChargePercent share of the client amount charged, 0–100
 * @param tutorPayPercent     share of the tutor earnings paid, 0–100
 */
public record LateCancellationPolicy(int windowHours, int clientChargePercent, int tutorPayPercent) {

    public LateCancellationPolicy {
        if (windowHours < 0 || windowHours > BusinessSettings.MAX_LATE_CANCEL_WINDOW_HOURS) {
            throw new IllegalArgumentException("Late-cancellation window must be 0–"
                    + BusinessSettings.MAX_LATE_CANCEL_WINDOW_HOURS + " hours");
        }
        if (clientChargePercent < 0 || clientChargePercent > 100) {
            throw new IllegalArgumentException("Client charge must be 0–100 %");
        }
        if (tutorPayPercent < 0 || tutorPayPercent > 100) {
            throw new IllegalArgumentException("Tutor pay must be 0–100 %");
        }
    }
}
