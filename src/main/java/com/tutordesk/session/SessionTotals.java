package com.tutordesk.session;

/**
 * Count and sums of the sessions matching a filter.
 *
 * @param count              matching sessions
 * @param clientAmountMinor  sum of client amounts (minor units), or {@code null} when hidden from the viewer
 * @param tutorEarningsMinor sum of tutor earnings (minor units), or {@code null} when hidden from the viewer
 */
public record SessionTotals(long count, Long clientAmountMinor, Long tutorEarningsMinor) {

    /** Rows the list lets a person scroll through: the count, cut at {@link SessionListService#MAX_SCROLL_ROWS}. */
    public int scrollableRows() {
        return (int) Math.min(count, SessionListService.MAX_SCROLL_ROWS);
    }

    /** Whether more sessions match than the list shows (the count and sums still cover them all). */
    public boolean exceedsScroll() {
        return count > SessionListService.MAX_SCROLL_ROWS;
    }
}
