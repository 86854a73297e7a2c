package com.tutordesk.security;

/**
 * Tells whether a tutor is active (domain.md "Tutor": active flag). A deactivated tutor's login
 * may not sign in, so it is not enabled again while the tutor stays deactivated. Implemented by the
 * people module.
 */
public interface TutorActiveLookup {

    /** @return whether the tutor with this id is active; false for unknown ids */
    boolean isActive(long tutorId);
}
