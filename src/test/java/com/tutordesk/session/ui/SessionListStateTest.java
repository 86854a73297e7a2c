package com.tutordesk.session.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.session.BillingState;
import com.tutordesk.session.DateRange;
import com.tutordesk.session.ReportState;
import com.tutordesk.session.SessionFilter;
import com.tutordesk.session.SessionSort;
import com.tutordesk.session.SessionStatus;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Filters and sort survive a trip through the URL; values that cannot be used are told, not fatal. */
class SessionListStateTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-25"); // a Wednesday

    private static SessionListState parse(String query) {
        return SessionListState.parse(QueryParameters.fromString(query), TODAY);
    }

    @Test
    void every_filter_and_the_sort_round_trip_through_the_query_string() {
        SessionFilter filter = new SessionFilter(new DateRange(LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-31")), 3L, 4L, 5L, 6L, SessionStatus.LATE_CANCELLED, ReportState.WRITTEN,
                BillingState.PAID, "Łucja K");
        SessionListState state = new SessionListState(filter, null, new SessionSort(SessionSort.Property.CLIENT, true),
                java.util.List.of());
        String query = state.toQueryParameters().getQueryString();
        SessionListState back = parse(query);
        assertThat(back.filter()).isEqualTo(filter);
        assertThat(back.sort()).isEqualTo(state.sort());
        assertThat(back.notices()).isEmpty();
        assertThat(query).contains("status=late-cancelled").contains("sort=client").contains("billing=paid");
    }

    @Test
    void the_list_opens_on_the_last_30_days_with_a_plain_url_and_all_dates_is_one_word() {
        assertThat(SessionListState.defaults(TODAY).toQueryParameters().getQueryString()).isEmpty();
        // Issue 12: it opened on every date, newest first.
        assertThat(parse("").filter()).isEqualTo(SessionFilter.NONE.withDates(new DateRange(LocalDate.parse("2026-10-27"),
                TODAY)));
        assertThat(parse("").preset()).isEqualTo(DateRange.Preset.LAST_30_DAYS);
        assertThat(parse("").sort()).isEqualTo(SessionSort.NEWEST_FIRST);
        assertThat(parse("tutor=3").filter().dates()).isEqualTo(new DateRange(LocalDate.parse("2026-10-27"), TODAY));
        SessionListState all = parse("preset=all");
        assertThat(all.filter()).isEqualTo(SessionFilter.NONE);
        assertThat(all.toQueryParameters().getQueryString()).isEqualTo("preset=all");
        assertThat(parse("preset=next-30-days").filter().dates()).isEqualTo(new DateRange(TODAY,
                LocalDate.parse("2026-12-25")));
    }

    @Test
    void presets_stay_relative_to_today() {
        SessionListState thisWeek = parse("preset=this-week");
        assertThat(thisWeek.preset()).isEqualTo(DateRange.Preset.THIS_WEEK);
        assertThat(thisWeek.filter().dates()).isEqualTo(new DateRange(LocalDate.parse("2026-11-23"),
                LocalDate.parse("2026-11-29")));
        assertThat(thisWeek.toQueryParameters().getQueryString()).isEqualTo("preset=this-week");
        assertThat(parse("preset=last-month").filter().dates()).isEqualTo(new DateRange(LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-31")));
        assertThat(parse("preset=last-week").filter().dates().from()).isEqualTo(LocalDate.parse("2026-11-16"));
    }

    @Test
    void unknown_status_malformed_date_and_reversed_range_are_ignored_with_a_notice() {
        SessionListState state = parse("status=done&from=2026-13-01&to=2026-10-01&tutor=abc&report=maybe&sort=price");
        assertThat(state.filter()).isEqualTo(new SessionFilter(new DateRange(null, LocalDate.parse("2026-10-01")),
                null, null, null, null, null, null, null, null));
        assertThat(state.sort()).isEqualTo(SessionSort.NEWEST_FIRST);
        assertThat(state.notices()).hasSize(5)
                .anySatisfy(n -> assertThat(n).contains("status \"done\""))
                .anySatisfy(n -> assertThat(n).contains("from date \"2026-13-01\""))
                .anySatisfy(n -> assertThat(n).contains("tutor \"abc\""))
                .anySatisfy(n -> assertThat(n).contains("report \"maybe\""))
                .anySatisfy(n -> assertThat(n).contains("sort \"price\""));
    }

    @Test
    void an_end_before_the_start_drops_the_end() {
        SessionListState state = parse("from=2026-10-10&to=2026-10-01");
        assertThat(state.filter().dates()).isEqualTo(new DateRange(LocalDate.parse("2026-10-10"), null));
        assertThat(state.notices()).singleElement().asString().contains("before the start date");
    }

    @Test
    void a_huge_search_is_shortened_and_negative_ids_refused() {
        SessionListState state = parse("q=" + "x".repeat(500) + "&client=-4&student=0");
        assertThat(state.filter().text()).hasSize(SessionFilter.TEXT_MAX_LENGTH);
        assertThat(state.filter().clientId()).isNull();
        assertThat(state.filter().studentId()).isNull();
        assertThat(state.notices()).hasSize(3);
    }
}
