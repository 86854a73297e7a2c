package com.tutordesk.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionTotalsTest {

    @Test
    void a_list_scrolls_through_every_row_up_to_the_cap() {
        SessionTotals few = new SessionTotals(SessionListService.MAX_SCROLL_ROWS, 0L, 0L);
        assertThat(few.scrollableRows()).isEqualTo(SessionListService.MAX_SCROLL_ROWS);
        assertThat(few.exceedsScroll()).isFalse();
        assertThat(new SessionTotals(0, null, 0L).scrollableRows()).isZero();
    }

    @Test
    void a_million_matching_sessions_scroll_only_through_the_first_ten_thousand_but_count_in_full() {
        SessionTotals many = new SessionTotals(1_000_000, 5L, 3L);
        assertThat(many.scrollableRows()).isEqualTo(10_000);
        assertThat(many.exceedsScroll()).isTrue();
        assertThat(many.count()).isEqualTo(1_000_000);
    }
}
