package com.tutordesk.payment;

import com.tutordesk.shared.RuleViolationException;

/** A card action was asked for while card payments are off (no Stripe keys configured). */
public class CardPaymentsNotConfiguredException extends RuleViolationException {

    /** The explanation shown beside every disabled card action (issue 8). */
    public static final String MESSAGE = "Card payments are not configured";

    public CardPaymentsNotConfiguredException() {
        super(MESSAGE);
    }
}
