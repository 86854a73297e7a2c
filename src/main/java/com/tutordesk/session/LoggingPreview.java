package com.tutordesk.session;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * What logging would record, shown live in the dialog before anything is saved.
 *
 * @param start              start in the business zone (offset chosen; see {@code ambiguityNote})
 * @param end                end in the business zone
 * @param status             SCHEDULED for a future start, COMPLETED for a past or current one, CANCELLED
 * @param clientAmountMinor  client amount in minor units, or {@code null} when hidden from the viewer
 * @param tutorEarningsMinor tutor earnings in minor units
 * @param ambiguityNote      set when the time happens twice that day (DST fall-back), else {@code null}
 * @param conflicts          overlapping sessions of the tutor or the student (a warning, not an error)
 * @param lateWindowHours    the late-cancellation window of the policy (settings), in hours
 * @param insideLateWindow   whether the start is less than {@code lateWindowHours} from now (or past):
 *                           cancelling it now is late by the policy
 * @param packageNote        what prepaid package hours would cover (issue 17), e.g. "covered by package:
 *                           1 h of 8 h 30 min left" or "45 min covered, 15 min billed"; {@code null} when
 *                           the engagement has no paid hours left or the session would not use them now
 */
public record LoggingPreview(ZonedDateTime start, ZonedDateTime end, SessionStatus status, Long clientAmountMinor,
        long tutorEarningsMinor, String ambiguityNote, List<SessionConflict> conflicts, int lateWindowHours,
        boolean insideLateWindow, String packageNote) {

    /**
     * The package line of the preview: {@code chargeable} minutes against {@code left} minutes of paid hours.
     *
     * @return "covered by package: 1 h of 8 h 30 min left", "45 min covered, 15 min billed", or
     *         {@code null} when nothing would be covered
     */
    public static String packageNote(int chargeable, int left) {
        if (chargeable <= 0 || left <= 0) {
            return null;
        }
        if (left >= chargeable) {
            return "covered by package: " + com.tutordesk.settings.BusinessProfile.formatDuration(chargeable) + " of "
                    + com.tutordesk.settings.BusinessProfile.formatDuration(left) + " left";
        }
        return com.tutordesk.settings.BusinessProfile.formatDuration(left) + " covered, "
                + com.tutordesk.settings.BusinessProfile.formatDuration(chargeable - left) + " billed";
    }

    /** @return whether the button reads "Schedule Session" rather than "Log Session" */
    public boolean schedules() {
        return status == SessionStatus.SCHEDULED;
    }
}
