package com.tutordesk.security;

/** The role of a login (domain.md "User"). Enhanced Access is not a role but a tutor property. */
public enum Role {
    ADMIN,
    TUTOR;

    /** @return the Spring Security authority, e.g. "ROLE_ADMIN" (matches {@code @RolesAllowed("ADMIN")}) */
    public String authority() {
        return "ROLE_" + name();
    }
}
