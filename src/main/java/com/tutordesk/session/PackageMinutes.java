package com.tutordesk.session;

import java.util.Set;

/**
 * The prepaid hours of engagements (issue 17; domain.md "Prepaid packages"), as the session module
 * needs them to settle what a session uses. Declared here and implemented by the prepaid module, so
 * that the session module never depends on it (as with {@link InvoiceLookup} for billing). Every
 * method runs inside the caller's transaction, so that the minutes a session uses change in the same
 * transaction as its billing state.
 */
public interface PackageMinutes {

    /**
     * Gives back every minute the session uses (of any package), then takes up to {@code wantedMinutes}
     * from the engagement's paid packages, oldest first. The packages are locked ({@code SELECT … FOR
     * UPDATE}) for the rest of the transaction, so that two sessions settling at once never use the same
     * minutes.
     *
     * @param sessionId     the session
     * @param engagementId  the engagement it is logged on now
     * @param wantedMinutes the minutes the client pays for (0 gives everything back)
     * @return the minutes now covered, 0..{@code wantedMinutes}
     */
    int settle(long sessionId, long engagementId, int wantedMinutes);

    /** @return minutes left on the engagement's paid packages now (no lock), 0 when none */
    int minutesLeft(long engagementId);

    /** @return the engagements with minutes left on a paid package */
    Set<Long> engagementsWithMinutesLeft();
}
