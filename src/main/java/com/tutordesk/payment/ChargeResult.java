package com.tutordesk.payment;

/**
 * What a charge came to, for the person who asked for it.
 *
 * @param outcome       paid, declined, needs authentication, failed, still in progress, or not charged
 * @param invoiceId     the invoice charged
 * @param invoiceNumber e.g. "INV-000123"
 * @param message       one or two sentences saying what happened and what follows
 */
public record ChargeResult(Outcome outcome, long invoiceId, String invoiceNumber, String message) {

    /** The outcome of a charge. */
    public enum Outcome {
        PAID, DECLINED, AUTHENTICATION_REQUIRED, FAILED, IN_PROGRESS, NOT_CHARGED;

        /** @return whether the person should see it as a problem */
        public boolean problem() {
            return this == DECLINED || this == AUTHENTICATION_REQUIRED || this == FAILED || this == NOT_CHARGED;
        }
    }
}
