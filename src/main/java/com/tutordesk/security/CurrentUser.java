package com.tutordesk.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in person and what they may see (domain.md "Roles" table). Services take their
 * decisions from this record, never from what a view chose to show.
 *
 * <p>Staff helpers ({@link #sessionScopeTutorId()}, {@link #maySeeSessionsOf}, {@link #maySeeClientAmounts})
 * fail closed for a CLIENT login: a family sees its own records only through the portal's services,
 * which scope by {@link #clientId()} (domain.md "Client portal").
 *
 * @param userId         id of the login
 * @param email          login email
 * @param displayName    name shown in the shell
 * @param role           ADMIN, TUTOR or CLIENT
 * @param tutorId        the linked tutor for TUTOR logins, {@code null} otherwise
 * @param enhancedAccess whether a tutor has Enhanced Access (always false for admins and clients)
 * @param clientId       the linked client for CLIENT logins, {@code null} otherwise
 */
public record CurrentUser(long userId, String email, String displayName, Role role, Long tutorId,
        boolean enhancedAccess, Long clientId) {

    public CurrentUser {
        if (role == Role.TUTOR && tutorId == null) {
            throw new IllegalArgumentException("A tutor login must be linked to a tutor");
        }
        if (role == Role.CLIENT && clientId == null) {
            throw new IllegalArgumentException("A client login must be linked to a client");
        }
        if (role != Role.TUTOR) {
            tutorId = null;
            enhancedAccess = false;
        }
        if (role != Role.CLIENT) {
            clientId = null;
        }
    }

    /** A staff member (ADMIN or TUTOR), as before the client portal. */
    public CurrentUser(long userId, String email, String displayName, Role role, Long tutorId,
            boolean enhancedAccess) {
        this(userId, email, displayName, role, tutorId, enhancedAccess, null);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isTutor() {
        return role == Role.TUTOR;
    }

    /** @return whether this is a family's portal login (role CLIENT) */
    public boolean isClient() {
        return role == Role.CLIENT;
    }

    /**
     * @return the tutor id every session query must be restricted to, or {@code null} when the user
     *         may see all sessions (admins). Rule: "see sessions: all / own / own".
     * @throws AccessDeniedException for a client login, which has no staff view of sessions
     */
    public Long sessionScopeTutorId() {
        if (isClient()) {
            throw new AccessDeniedException("A client sees sessions only in the portal");
        }
        return isAdmin() ? null : tutorId;
    }

    /** @return whether this user may see sessions of {@code sessionTutorId} (never for a client login) */
    public boolean maySeeSessionsOf(long sessionTutorId) {
        return isAdmin() || (isTutor() && tutorId == sessionTutorId);
    }

    /**
     * @return whether client rates and amounts may be shown on this user's visible sessions.
     *         Rule: "see client rates and amounts: admin yes / Enhanced Access own clients' / tutor no".
     *         A tutor only ever sees their own sessions, whose clients are their own clients.
     */
    public boolean maySeeClientAmounts() {
        return isAdmin() || enhancedAccess;
    }

    /** @return whether tutor earnings may be shown: admins all, tutors their own, clients never */
    public boolean maySeeTutorEarnings() {
        return !isClient();
    }

    /** @return a short label for the shell, e.g. "Admin", "Tutor (Enhanced Access)", "Client" */
    public String roleLabel() {
        if (isAdmin()) {
            return "Admin";
        }
        if (isClient()) {
            return "Client";
        }
        return enhancedAccess ? "Tutor (Enhanced Access)" : "Tutor";
    }
}
