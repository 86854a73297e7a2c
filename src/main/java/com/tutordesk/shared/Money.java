package com.tutordesk.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of money as integer minor units (cents for USD, yen for JPY) in one currency.
 *
 * <p>Rule source: domain.md "Money" and "Amounts": amounts are stored as integer minor units with
 * their currency; an amount for a number of minutes is computed exactly and rounded once, HALF_UP,
 * to the minor unit, never from rounded hours.
 *
 * @param minor    amount in the currency's minor units; may be negative for adjustments
 * @param currency ISO 4217 currency
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    /** @return {@code minor} units of the ISO 4217 currency {@code currencyCode} */
    public static Money of(long minor, String currencyCode) {
        return new Money(minor, Currency.getInstance(currencyCode));
    }

    /** @return zero in {@code currency} */
    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * The amount earned or charged for {@code minutes} at an hourly rate.
     *
     * @param ratePerHourMinor hourly rate in minor units (must be &ge; 0)
     * @param minutes          duration in minutes (must be &ge; 0)
     * @return {@code round_half_up(rate × minutes / 60)} in minor units
     * @throws IllegalArgumentException for a negative rate or duration
     */
    public static long forMinutes(long ratePerHourMinor, int minutes) {
        return forMinutes(ratePerHourMinor, minutes, 100);
    }

    /**
     * The amount for {@code minutes} at an hourly rate, scaled by a percentage, rounded once.
     * Used for late cancellations (domain.md: "amounts follow the business's late-cancellation
     * policy"), so that 50 % of 55 minutes is not rounded twice.
     *
     * @param ratePerHourMinor hourly rate in minor units (&ge; 0)
     * @param minutes          duration in minutes (&ge; 0)
     * @param percent          0–100
     * @return {@code round_half_up(rate × minutes × percent / 6000)} in minor units
     */
    public static long forMinutes(long ratePerHourMinor, int minutes, int percent) {
        if (ratePerHourMinor < 0) {
            throw new IllegalArgumentException("Hourly rate must not be negative: " + ratePerHourMinor);
        }
        if (minutes < 0) {
            throw new IllegalArgumentException("Duration must not be negative: " + minutes);
        }
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("Percentage must be between 0 and 100: " + percent);
        }
        return BigDecimal.valueOf(ratePerHourMinor)
                .multiply(BigDecimal.valueOf(minutes))
                .multiply(BigDecimal.valueOf(percent))
                .divide(BigDecimal.valueOf(6000), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** @return the sum; both must share a currency */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    /** @return the amount as a decimal in major units, e.g. 37.50 for 3750 cents */
    public BigDecimal toMajor() {
        return BigDecimal.valueOf(minor, Math.max(0, currency.getDefaultFractionDigits()));
    }

    /**
     * Parses a decimal amount in major units into minor units, refusing more decimals than the
     * currency has (no 0.001 USD).
     *
     * @throws IllegalArgumentException when the amount has too many decimals
     */
    public static Money parseMajor(BigDecimal major, Currency currency) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        BigDecimal stripped = major.stripTrailingZeros();
        if (stripped.scale() > digits) {
            throw new IllegalArgumentException(
                    currency.getCurrencyCode() + " amounts allow at most " + digits + " decimal places");
        }
        return new Money(major.movePointRight(digits).longValueExact(), currency);
    }

    /** @return the amount formatted for a locale, e.g. "$37.50" for en-US */
    public String format(Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(toMajor());
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Currency mismatch: " + currency + " and " + other.currency);
        }
    }
}
