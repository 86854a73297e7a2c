package com.tutordesk.session;

/**
 * What a late cancellation would do to a session's amounts, shown before it is confirmed. Client
 * amounts are {@code null} for viewers who may not see them (domain.md "Roles").
 *
 * @param windowHours         the policy's window: cancellations less than this many hours before the start are late
 * @param clientChargePercent share of the client amount charged, 0–100
 * @param tutorPayPercent     share of the tutor earnings paid, 0–100
 * @param clientAmountMinor   client amount now (minor units), or {@code null} when hidden
 * @param lateClientAmountMinor client amount after (minor units), or {@code null} when hidden
 * @param tutorEarningsMinor  tutor earnings now (minor units)
 * @param lateTutorEarningsMinor tutor earnings after (minor units)
 */
public record LateCancellationPreview(int windowHours, int clientChargePercent, int tutorPayPercent,
        Long clientAmountMinor, Long lateClientAmountMinor, long tutorEarningsMinor, long lateTutorEarningsMinor) {
}
