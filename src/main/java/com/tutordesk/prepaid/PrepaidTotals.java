package com.tutordesk.prepaid;

/**
 * What paid packages still hold, for the Payments page (issue 17: "Prepaid hours left").
 *
 * @param minutesLeft    minutes left on active packages
 * @param valueLeftMinor their value at the packages' prices (each package's price × left / bought,
 *                       rounded once per package, HALF_UP), minor units
 */
public record PrepaidTotals(long minutesLeft, long valueLeftMinor) {
}
