package com.tutordesk.schedule.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.schedule.CalendarEntry;
import com.tutordesk.session.BillingState;
import com.tutordesk.session.SessionStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Side-by-side lanes and the tutor double-booking flag. */
class CalendarLayoutTest {

    @Test
    void overlapping_blocks_share_the_width_and_a_later_free_lane_is_reused() {
        CalendarLayout.Lanes lanes = CalendarLayout.lanes(new int[] {0, 30, 60, 100}, new int[] {60, 90, 80, 120});
        assertThat(lanes.lane()).containsExactly(0, 1, 0, 0);
        assertThat(lanes.lanes()).containsExactly(2, 2, 2, 1);
    }

    @Test
    void sessions_of_one_tutor_that_overlap_are_flagged_but_not_other_tutors_or_cancelled_ones() {
        Instant four = Instant.parse("2026-11-24T21:00:00Z");
        List<CalendarEntry> entries = List.of(
                entry(1, 7, four, 60, SessionStatus.SCHEDULED),
                entry(2, 7, four.plusSeconds(1800), 60, SessionStatus.SCHEDULED),
                entry(3, 8, four, 60, SessionStatus.SCHEDULED),
                entry(4, 8, four.plusSeconds(600), 60, SessionStatus.CANCELLED),
                entry(5, 7, four.plusSeconds(5400), 30, SessionStatus.SCHEDULED));
        assertThat(CalendarLayout.tutorOverlaps(entries)).containsExactlyInAnyOrder(1L, 2L);
    }

    private static CalendarEntry entry(long id, long tutor, Instant start, int minutes, SessionStatus status) {
        return new CalendarEntry(id, 0, start, start.plusSeconds(minutes * 60L), status, BillingState.UNBILLED, tutor,
                "Tutor " + tutor, "Student " + id, "Maths");
    }
}
