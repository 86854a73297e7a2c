package com.tutordesk.prepaid;

/**
 * What "Refund unused hours" came to, in words a person can act on (the UI shows {@code message} as it is).
 *
 * @param refunded    whether the unused hours were removed (the refund was made, accepted by Stripe, or recorded)
 * @param pending     a card refund Stripe accepted and is still processing
 * @param amountMinor the value refunded (or that failed to be), minor units
 * @param message     e.g. "Refunded $360.00 to the card ending 4242." or why nothing happened
 */
public record PackageRefundResult(boolean refunded, boolean pending, long amountMinor, String message) {
}
