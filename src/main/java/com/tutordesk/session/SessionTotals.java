package com.tutordesk.session;

/**
 * Count and sums of the sessions matching a filter.
 *
 * @param count              matching sessions
 * @param clientAmountMinor  sum of client amounts (minor units), or {@code null} when hidden from the viewer
 * @param tutorEarningsMinor sum of tutor earnings (minor units), or {@code null} when hidden from the viewer
 */
public record SessionTotals(long count, Long clientAmountMinor, Long tutorEarningsMinor) {
}
