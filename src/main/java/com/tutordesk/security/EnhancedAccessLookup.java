package com.tutordesk.security;

/**
 * Tells whether a tutor has Enhanced Access (domain.md "User": a tutor property whose default comes
 * from the business switch and may be overridden per tutor). Implemented by the people module.
 */
public interface EnhancedAccessLookup {

    /** @return whether the tutor with this id currently has Enhanced Access; false for unknown ids */
    boolean hasEnhancedAccess(long tutorId);
}
