package com.tutordesk.security;

/**
 * The role of a login (domain.md "User", "Client portal"). Enhanced Access is not a role but a tutor
 * property. ADMIN and TUTOR are staff; a CLIENT login belongs to one client (the family's billing
 * contact) and sees only that family in the portal.
 */
public enum Role {
    ADMIN,
    TUTOR,
    CLIENT;

    /** @return the Spring Security authority, e.g. "ROLE_ADMIN" (matches {@code @RolesAllowed("ADMIN")}) */
    public String authority() {
        return "ROLE_" + name();
    }
}
