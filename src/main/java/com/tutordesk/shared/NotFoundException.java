package com.tutordesk.shared;

/**
 * Thrown when a record does not exist <em>or</em> the current user may not see it. Both cases
 * give the same message on purpose (domain.md "Roles": a tutor who types another tutor's session
 * URL gets "not found", the same as for an id that does not exist).
 */
public class NotFoundException extends RuntimeException {

    /** @param what a human name for the kind of record, e.g. "Session" */
    public NotFoundException(String what, Object id) {
        super(what + " " + id + " was not found");
    }
}
