package com.tutordesk.payroll;

import java.time.LocalDate;

/**
 * Mark paid: how and when a tutor's approved pay was paid.
 *
 * @param paidOn    business-local date of the payment; not in the future, not before the period
 * @param method    how it was paid
 * @param reference optional, e.g. a transfer reference or cheque number (at most
 *                  {@value #REFERENCE_MAX_LENGTH} characters)
 */
public record Payout(LocalDate paidOn, PayoutMethod method, String reference) {

    /** Longest payment reference, in characters. */
    public static final int REFERENCE_MAX_LENGTH = 120;
}
