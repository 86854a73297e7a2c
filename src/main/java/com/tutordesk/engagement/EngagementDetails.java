package com.tutordesk.engagement;

/**
 * An engagement's page: the row plus what the viewer may change.
 *
 * @param row          the engagement as the viewer may see it
 * @param mayEdit      may change the client rate, default length and active flag
 * @param mayEditWage  may change the tutor wage (admins only)
 * @param mayDelete    may delete it: may edit, and it has no sessions
 * @param sessionCount sessions logged on it
 */
public record EngagementDetails(EngagementRow row, boolean mayEdit, boolean mayEditWage, boolean mayDelete,
        long sessionCount) {
}
