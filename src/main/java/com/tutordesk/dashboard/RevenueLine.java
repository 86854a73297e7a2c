package com.tutordesk.dashboard;

/**
 * One line of a revenue report: the sessions of one client, tutor or subject in the range.
 *
 * @param id              the client's, tutor's or subject's id
 * @param name            its name
 * @param sessions        completed and late-cancelled sessions
 * @param minutes         their booked minutes
 * @param revenueMinor    their client amounts, minor units
 * @param tutorCostsMinor their tutor earnings, minor units
 */
public record RevenueLine(long id, String name, long sessions, long minutes, long revenueMinor,
        long tutorCostsMinor) {

    /** @return revenue minus tutor costs, minor units */
    public long marginMinor() {
        return revenueMinor - tutorCostsMinor;
    }
}
