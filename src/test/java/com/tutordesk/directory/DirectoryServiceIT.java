package com.tutordesk.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.engagement.EngagementChange;
import com.tutordesk.engagement.EngagementService;
import com.tutordesk.people.TutorService;
import com.tutordesk.session.PeopleSessionsService;
import com.tutordesk.session.RelatedSession;
import com.tutordesk.shared.Money;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Actions spanning modules: re-pricing unbilled sessions on a rate change; deactivating a tutor. */
@IntegrationTest
class DirectoryServiceIT {

    @Autowired
    DirectoryService directory;

    @Autowired
    EngagementService engagements;

    @Autowired
    PeopleSessionsService sessions;

    @Autowired
    TutorService tutors;

    @Autowired
    SignIn signIn;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    long tutor;
    long engagement;

    @BeforeEach
    void setUp() {
        signIn.as(DemoAccounts.read(jdbc).adminEmail());
        tutor = data.tutor("Directory Tutor");
        long student = data.student(data.client(TestData.unique("Directory family")), "Dan Directory");
        engagement = data.engagement(tutor, student, data.subject(), 4500, 2750);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    private long session(Instant start, int minutes, String status, String billing) {
        long id = data.session(engagement, start, minutes, status);
        jdbc.update("update tutoring_sessions set billing_state = ? where id = ?", billing, id);
        com.tutordesk.session.SessionHourTotals.recount(jdbc);
        return id;
    }

    private Map<String, Object> amounts(long sessionId) {
        return jdbc.queryForMap("select client_rate_minor, tutor_wage_minor, client_amount_minor, tutor_earnings_minor,"
                + " version from tutoring_sessions where id = ?", sessionId);
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    @Test
    void a_rate_change_applied_to_unbilled_sessions_reprices_only_those() {
        Instant past = TestClock.START.minus(Duration.ofDays(7));
        long unbilled = session(past, 50, "COMPLETED", "UNBILLED");
        long upcoming = session(TestClock.START.plus(Duration.ofDays(7)), 45, "SCHEDULED", "UNBILLED");
        long cancelled = session(past.plus(Duration.ofDays(1)), 60, "CANCELLED", "UNBILLED");
        long late = session(past.plus(Duration.ofDays(2)), 55, "LATE_CANCELLED", "UNBILLED");
        long invoiced = session(past.minus(Duration.ofDays(7)), 50, "COMPLETED", "INVOICED");
        long paid = session(past.minus(Duration.ofDays(14)), 50, "COMPLETED", "PAID");
        Map<String, Object> invoicedBefore = amounts(invoiced);
        Map<String, Object> paidBefore = amounts(paid);
        Map<String, Object> cancelledBefore = amounts(cancelled);

        // Issue 12: the cancelled ($0) session is not billable and not counted, as in the sessions list.
        assertThat(sessions.repriceableOfEngagement(engagement))
                .isEqualTo(new com.tutordesk.session.PeopleSessionsService.RepriceableSessions(2, 1));
        int repriced = directory.changeEngagement(engagement, engagements.get(engagement).row().version(),
                new EngagementChange(5150L, 3325L, 60), true);

        assertThat(repriced).isEqualTo(3);
        assertThat(number(amounts(unbilled), "client_amount_minor")).isEqualTo(Money.forMinutes(5150, 50));
        assertThat(number(amounts(unbilled), "tutor_earnings_minor")).isEqualTo(Money.forMinutes(3325, 50));
        assertThat(number(amounts(unbilled), "client_rate_minor")).isEqualTo(5150);
        assertThat(number(amounts(upcoming), "client_amount_minor")).isEqualTo(Money.forMinutes(5150, 45));
        assertThat(amounts(cancelled)).isEqualTo(cancelledBefore);
        assertThat(number(amounts(cancelled), "client_amount_minor")).isZero();
        // The demo policy: client charged 100 %, tutor paid 50 %, rounded once.
        assertThat(number(amounts(late), "client_amount_minor")).isEqualTo(Money.forMinutes(5150, 55, 100));
        assertThat(number(amounts(late), "tutor_earnings_minor")).isEqualTo(Money.forMinutes(3325, 55, 50));
        assertThat(amounts(invoiced)).isEqualTo(invoicedBefore);
        assertThat(amounts(paid)).isEqualTo(paidBefore);
        assertThat(engagements.history(engagement).getFirst().appliedToSessions()).isEqualTo(3);
    }

    @Test
    void a_rate_change_for_new_sessions_only_leaves_every_session_alone() {
        long unbilled = session(TestClock.START.minus(Duration.ofDays(2)), 60, "COMPLETED", "UNBILLED");
        Map<String, Object> before = amounts(unbilled);
        int repriced = directory.changeEngagement(engagement, engagements.get(engagement).row().version(),
                new EngagementChange(9000L, 5000L, 60), false);
        assertThat(repriced).isZero();
        assertThat(amounts(unbilled)).isEqualTo(before);
        assertThat(engagements.get(engagement).row().clientRateMinor()).isEqualTo(9000);
        assertThat(engagements.history(engagement).getFirst().appliedToSessions()).isZero();
    }

    @Test
    void a_refused_rate_change_reprices_nothing() {
        long unbilled = session(TestClock.START.minus(Duration.ofDays(2)), 60, "COMPLETED", "UNBILLED");
        Map<String, Object> before = amounts(unbilled);
        long version = engagements.get(engagement).row().version();
        assertThatThrownBy(() -> directory.changeEngagement(engagement, version,
                new EngagementChange(-5L, 5000L, 60), true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(amounts(unbilled)).isEqualTo(before);
    }

    @Test
    void deactivating_a_tutor_cancels_the_chosen_upcoming_sessions_and_keeps_the_others() {
        Instant soon = TestClock.START.plus(Duration.ofDays(2));
        long cancel = session(soon, 60, "SCHEDULED", "UNBILLED");
        long keep = session(soon.plus(Duration.ofDays(7)), 60, "SCHEDULED", "UNBILLED");
        long past = session(TestClock.START.minus(Duration.ofDays(2)), 60, "COMPLETED", "UNBILLED");
        assertThat(sessions.upcomingOfTutor(tutor)).extracting(RelatedSession::id).containsExactly(cancel, keep);

        assertThat(directory.deactivateTutor(tutor, List.of(cancel))).isEqualTo(1);

        assertThat(jdbc.queryForObject("select status from tutoring_sessions where id = ?", String.class, cancel))
                .isEqualTo("CANCELLED");
        assertThat(number(amounts(cancel), "client_amount_minor")).isZero();
        assertThat(jdbc.queryForObject("select status from tutoring_sessions where id = ?", String.class, keep))
                .isEqualTo("SCHEDULED");
        assertThat(jdbc.queryForObject("select status from tutoring_sessions where id = ?", String.class, past))
                .isEqualTo("COMPLETED");
        assertThat(tutors.get(tutor).active()).isFalse();
    }

    @Test
    void a_session_that_is_not_an_upcoming_one_of_the_tutor_is_never_cancelled_and_nothing_changes() {
        long past = session(TestClock.START.minus(Duration.ofDays(2)), 60, "COMPLETED", "UNBILLED");
        assertThatThrownBy(() -> directory.deactivateTutor(tutor, List.of(past)))
                .isInstanceOf(RuleViolationException.class);
        assertThat(tutors.get(tutor).active()).as("rolled back").isTrue();
        assertThat(jdbc.queryForObject("select status from tutoring_sessions where id = ?", String.class, past))
                .isEqualTo("COMPLETED");
    }
}
