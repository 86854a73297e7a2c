package com.tutordesk.shared;

/**
 * A request broke a business rule; the message is written for the person using the app and says
 * what to do (e.g. "Session is on invoice INV-000123: cancel the invoice first").
 */
public class RuleViolationException extends RuntimeException {

    public RuleViolationException(String message) {
        super(message);
    }
}
