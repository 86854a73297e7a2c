package com.tutordesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void fifty_minutes_at_45_per_hour_is_37_50() {
        assertThat(Money.forMinutes(4500, 50)).isEqualTo(3750);
    }

    @Test
    void seven_minutes_at_27_50_per_hour_rounds_once_half_up() {
        // 2750 × 7 / 60 = 320.83… → 321 cents; rounding the hours first (0.12 h) would give 330.
        assertThat(Money.forMinutes(2750, 7)).isEqualTo(321);
    }

    @Test
    void exact_half_cent_rounds_up() {
        // 3 × 10 / 60 = 0.5 cent → 1 cent
        assertThat(Money.forMinutes(3, 10)).isEqualTo(1);
    }

    @Test
    void a_percentage_is_applied_before_the_single_rounding() {
        // 50 % of 55 minutes at 33.33/h: 3333 × 55 × 50 / 6000 = 1527.625 → 1528
        assertThat(Money.forMinutes(3333, 55, 50)).isEqualTo(1528);
    }

    @Test
    void zero_decimal_currencies_round_to_whole_units() {
        // 5,000 JPY per hour for 50 minutes = 4,166.67 → 4,167 yen
        assertThat(Money.forMinutes(5000, 50)).isEqualTo(4167);
        assertThat(Money.of(4167, "JPY").format(Locale.JAPAN)).isEqualTo("￥4,167");
    }

    @Test
    void negative_rates_and_durations_are_refused() {
        assertThatThrownBy(() -> Money.forMinutes(-1, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.forMinutes(100, -5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.forMinutes(100, 60, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void amounts_are_formatted_in_the_business_locale() {
        assertThat(Money.of(3750, "USD").format(Locale.US)).isEqualTo("$37.50");
        assertThat(Money.of(-1000, "USD").format(Locale.US)).isEqualTo("-$10.00");
    }

    @Test
    void parsing_refuses_more_decimals_than_the_currency_has() {
        Currency usd = Currency.getInstance("USD");
        assertThat(Money.parseMajor(new BigDecimal("45.5"), usd).minor()).isEqualTo(4550);
        assertThatThrownBy(() -> Money.parseMajor(new BigDecimal("45.001"), usd))
                .hasMessageContaining("at most 2 decimal places");
    }

    @Test
    void sums_refuse_mixed_currencies() {
        assertThatThrownBy(() -> Money.of(1, "USD").plus(Money.of(1, "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
