package com.tutordesk.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in login still has a temporary password (set by an admin's invite or reset) and may
 * do nothing until its owner has chosen their own (issue 6: "must be changed at first login").
 */
public class PasswordChangeRequiredException extends AccessDeniedException {

    public PasswordChangeRequiredException() {
        super("Choose your own password first: your current one is temporary.");
    }
}
