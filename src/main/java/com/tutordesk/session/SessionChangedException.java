package com.tutordesk.session;

import com.tutordesk.shared.RuleViolationException;

/**
 * Someone else changed the session after the page the save came from was loaded (optimistic
 * locking, issue 5: "changed by X at T — reload"). Nothing was saved; the other person's change is
 * kept. The message names who and when, for example "This session was changed by Ines Oliveira at
 * Nov 25, 2026, 10:04 AM — reload to see the changes."
 */
public class SessionChangedException extends RuleViolationException {

    public SessionChangedException(String message) {
        super(message);
    }
}
