package com.tutordesk.billing;

import com.tutordesk.shared.RuleViolationException;

/**
 * The office tried to move an invoice out of OPEN (mark it paid, cancel it) while a card charge of it
 * is in flight. The database refuses it (foreign key {@code fk_payment_attempts_in_flight}, issue 8),
 * so that a hand-settled invoice is never charged as well; the person waits for the charge's outcome.
 */
public class ChargeInFlightException extends RuleViolationException {

    ChargeInFlightException() {
        super("A card payment of this invoice is in progress: wait for its outcome and reload the page");
    }
}
