package com.tutordesk.prepaid;

/**
 * What "Refund unused hours" would do for a package, for the confirmation a person answers.
 *
 * @param packageId   the package
 * @param minutesLeft its unused minutes, which go
 * @param valueMinor  their value at the package's price (price × unused / bought, HALF_UP), minor units
 * @param way         how the value goes back
 * @param cardLast4   for {@link Way#CARD}, the card's last four digits, or {@code null} when Stripe did not say
 */
public record RefundOffer(long packageId, int minutesLeft, long valueMinor, Way way, String cardLast4) {

    /** How the unused value goes back. */
    public enum Way {
        /** The invoice was paid by card: a Stripe refund to that card. */
        CARD,
        /** It was paid by hand: the office pays it back and records how (method, date, reference). */
        MANUAL,
        /** The value is zero (a free package): the hours go, nothing is paid back. */
        NOTHING_TO_PAY
    }
}
