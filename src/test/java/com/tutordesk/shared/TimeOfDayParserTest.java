package com.tutordesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The typed-time table of issue 12. Columns: what is typed | reading on a 12-hour clock (en-US) |
 * reading on a 24-hour clock (en-GB). "ERROR" is a field error that blocks saving; "-" is blank.
 */
class TimeOfDayParserTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1} (12 h) / {2} (24 h)")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            1:30 p.m.      | 13:30 | 13:30
            1:30 P.M.      | 13:30 | 13:30
            1:30p          | 13:30 | 13:30
            1:30 P         | 13:30 | 13:30
            1:30pm         | 13:30 | 13:30
            1:30 PM        | 13:30 | 13:30
            1:30 p.m       | 13:30 | 13:30
            1:30 pm.       | 13:30 | 13:30
            130pm          | 13:30 | 13:30
            430pm          | 16:30 | 16:30
            430 PM         | 16:30 | 16:30
            4:30 p         | 16:30 | 16:30
            4:30 a         | 04:30 | 04:30
            4:30 a.m.      | 04:30 | 04:30
            4 PM           | 16:00 | 16:00
            4pm            | 16:00 | 16:00
            4 p            | 16:00 | 16:00
            11:59 PM       | 23:59 | 23:59
            12:00 AM       | 00:00 | 00:00
            12:00 PM       | 12:00 | 12:00
            12:30am        | 00:30 | 00:30
            12:30 pm       | 12:30 | 12:30
            12 am          | 00:00 | 00:00
            4:30:00 PM     | 16:30 | 16:30
            '  4:30   PM  '| 16:30 | 16:30
            1630           | 16:30 | 16:30
            16:30          | 16:30 | 16:30
            16.30          | 16:30 | 16:30
            16h30          | 16:30 | 16:30
            16h            | 16:00 | 16:00
            23:59          | 23:59 | 23:59
            0:30           | 00:30 | 00:30
            00:00          | 00:00 | 00:00
            0000           | 00:00 | 00:00
            04:30          | 04:30 | 04:30
            0930           | 09:30 | 09:30
            16             | 16:00 | 16:00
            noon           | 12:00 | 12:00
            Noon           | 12:00 | 12:00
            12 noon        | 12:00 | 12:00
            midnight       | 00:00 | 00:00
            MIDNIGHT       | 00:00 | 00:00
            430            | ERROR | 04:30
            4:30           | ERROR | 04:30
            130            | ERROR | 01:30
            12:00          | ERROR | 12:00
            9              | ERROR | 09:00
            4.30           | ERROR | 04:30
            25:00          | ERROR | ERROR
            24:00          | ERROR | ERROR
            2400           | ERROR | ERROR
            1:3            | ERROR | ERROR
            1:300          | ERROR | ERROR
            1:60           | ERROR | ERROR
            13:30 pm       | ERROR | ERROR
            0:30 am        | ERROR | ERROR
            00:30 PM       | ERROR | ERROR
            12345          | ERROR | ERROR
            4:30:15 PM     | ERROR | ERROR
            abc            | ERROR | ERROR
            pm             | ERROR | ERROR
            4:30 pmx       | ERROR | ERROR
            4:30 pm pm     | ERROR | ERROR
            1.3.20         | ERROR | ERROR
            -1:00          | ERROR | ERROR
            4:30 x         | ERROR | ERROR
            """)
    void a_typed_time_is_read_completely_or_refused(String typed, String twelveHour, String twentyFourHour) {
        check(typed, true, twelveHour);
        check(typed, false, twentyFourHour);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "\u00A0"})
    void a_blank_time_is_no_time_and_the_field_decides_whether_it_is_required(String blank) {
        assertThat(TimeOfDayParser.parse(blank, true)).isNull();
        assertThat(TimeOfDayParser.parse(null, false)).isNull();
    }

    @Test
    void the_no_break_space_a_formatter_puts_before_pm_is_a_space() {
        assertThat(TimeOfDayParser.parse("4:30\u202FPM", true)).isEqualTo(LocalTime.of(16, 30));
    }

    @Test
    void messages_quote_the_text_and_say_what_to_type() {
        assertThatThrownBy(() -> TimeOfDayParser.parse("25:00", true))
                .hasMessage("\"25:00\" is not a time of day: hours go from 0 to 23. Type a time like 4:30 PM.");
        assertThatThrownBy(() -> TimeOfDayParser.parse("430", true))
                .hasMessage("\"430\" needs AM or PM: 4:30 AM or 4:30 PM?");
        assertThatThrownBy(() -> TimeOfDayParser.parse("13:30 pm", true))
                .hasMessageContaining("13 is a 24-hour time: drop the PM or write 1:30 PM");
        assertThatThrownBy(() -> TimeOfDayParser.parse("1:3", false))
                .hasMessage("\"1:3\" is not a time of day: write the minutes with two digits (like 1:05 or 1:30)."
                        + " Type a time like 16:30.");
    }

    private static void check(String typed, boolean twelveHourClock, String expected) {
        if (expected.equals("ERROR")) {
            assertThatThrownBy(() -> TimeOfDayParser.parse(typed, twelveHourClock))
                    .as("\"%s\" on a %s clock", typed, twelveHourClock ? "12-hour" : "24-hour")
                    .isInstanceOf(TimeOfDayParser.UnreadableTimeException.class)
                    .hasMessageContaining(typed.strip().replaceAll("\\s+", " "));
        } else {
            assertThat(TimeOfDayParser.parse(typed, twelveHourClock))
                    .as("\"%s\" on a %s clock", typed, twelveHourClock ? "12-hour" : "24-hour")
                    .isEqualTo(LocalTime.parse(expected));
        }
    }
}
