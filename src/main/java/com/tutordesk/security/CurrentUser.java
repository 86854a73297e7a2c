package com.tutordesk.security;

/**
 * The signed-in person and what they may see (domain.md "Roles" table). Services take their
 * decisions from this record, never from what a view chose to show.
 *
 * @param userId         id of the login
 * @param email          login email
 * @param displayName    name shown in the shell
 * @param role           ADMIN or TUTOR
 * @param tutorId        the linked tutor for TUTOR logins, {@code null} for admins
 * @param enhancedAccess whether a tutor has Enhanced Access (always false for admins, who need none)
 */
public record CurrentUser(long userId, String email, String displayName, Role role, Long tutorId,
        boolean enhancedAccess) {

    public CurrentUser {
        if (role == Role.TUTOR && tutorId == null) {
            throw new IllegalArgumentException("A tutor login must be linked to a tutor");
        }
        if (role == Role.ADMIN) {
            tutorId = null;
            enhancedAccess = false;
        }
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isTutor() {
        return role == Role.TUTOR;
    }

    /**
     * @return the tutor id every session query must be restricted to, or {@code null} when the user
     *         may see all sessions (admins). Rule: "see sessions: all / own / own".
     */
    public Long sessionScopeTutorId() {
        return isAdmin() ? null : tutorId;
    }

    /** @return whether this user may see sessions of {@code sessionTutorId} */
    public boolean maySeeSessionsOf(long sessionTutorId) {
        return isAdmin() || tutorId == sessionTutorId;
    }

    /**
     * @return whether client rates and amounts may be shown on this user's visible sessions.
     *         Rule: "see client rates and amounts: admin yes / Enhanced Access own clients' / tutor no".
     *         A tutor only ever sees their own sessions, whose clients are their own clients.
     */
    public boolean maySeeClientAmounts() {
        return isAdmin() || enhancedAccess;
    }

    /** @return whether tutor earnings may be shown: admins all, tutors their own (the only ones they see) */
    public boolean maySeeTutorEarnings() {
        return true;
    }

    /** @return a short label for the shell, e.g. "Admin", "Tutor (Enhanced Access)" */
    public String roleLabel() {
        if (isAdmin()) {
            return "Admin";
        }
        return enhancedAccess ? "Tutor (Enhanced Access)" : "Tutor";
    }
}
