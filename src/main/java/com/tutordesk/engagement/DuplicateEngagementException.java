package com.tutordesk.engagement;

import com.tutordesk.shared.RuleViolationException;

/**
 * There is already an engagement for this tutor, student and subject (one per tutor + student +
 * subject, domain.md); the message and {@link #existingId()} point at it.
 */
public class DuplicateEngagementException extends RuleViolationException {

    private final long existingId;

    public DuplicateEngagementException(String message, long existingId) {
        super(message);
        this.existingId = existingId;
    }

    /** @return id of the engagement that already exists */
    public long existingId() {
        return existingId;
    }
}
