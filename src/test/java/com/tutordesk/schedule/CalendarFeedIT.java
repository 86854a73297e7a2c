package com.tutordesk.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The private iCalendar feed over HTTP without a login, parsed back with the iCalendar library. */
@IntegrationTest
class CalendarFeedIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    CalendarFeedService feeds;

    @Autowired
    SignIn signIn;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    MockMvc mvc;
    String tutorLogin;
    long upcoming;
    long past;
    long cancelled;
    long tooOld;
    long tooFar;
    long othersSession;
    String parentEmail;

    @BeforeEach
    void fixture() {
        clock.reset();
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        long tutor = data.tutor(TestData.unique("Feed Tutor"));
        tutorLogin = data.tutorLogin(tutor, "a-long-enough-password");
        long client = data.client(TestData.unique("Feed family"));
        parentEmail = jdbc.queryForObject("select billing_contact_email from clients where id = ?", String.class, client);
        jdbc.update("update clients set billing_contact_phone = '+1 555 0100' where id = ?", client);
        long engagement = data.engagement(tutor, data.student(client, TestData.unique("Ada")), data.subject(), 8800,
                4000);
        Instant now = clock.instant();
        upcoming = data.session(engagement, now.plus(Duration.ofDays(2)), 60, "SCHEDULED");
        data.updateSession(upcoming, "internal_note = ?, location = ?", "Internal: parent is late paying", "Library");
        past = data.session(engagement, now.minus(Duration.ofDays(10)), 45, "COMPLETED");
        cancelled = data.session(engagement, now.plus(Duration.ofDays(5)), 60, "CANCELLED");
        tooOld = data.session(engagement, now.minus(Duration.ofDays(40)), 60, "COMPLETED");
        tooFar = data.session(engagement, now.plus(Duration.ofDays(200)), 60, "SCHEDULED");
        long otherTutor = data.tutor(TestData.unique("Other Feed Tutor"));
        long otherEngagement = data.engagement(otherTutor, data.student(client, TestData.unique("Bo")), data.subject(),
                8800, 4000);
        othersSession = data.session(otherEngagement, now.plus(Duration.ofDays(2)), 60, "SCHEDULED");
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    private String tokenOf(String login) {
        signIn.as(login);
        try {
            return feeds.newToken();
        } finally {
            signIn.out();
        }
    }

    private MockHttpServletResponse fetch(String token) throws Exception {
        return mvc.perform(get("/calendar/" + token + ".ics")).andReturn().getResponse();
    }

    private static Map<String, VEvent> events(String ics) {
        ICalendar calendar = Biweekly.parse(ics).first();
        assertThat(calendar).as("parses as iCalendar").isNotNull();
        return calendar.getEvents().stream().collect(Collectors.toMap(e -> e.getUid().getValue(), e -> e));
    }

    @Test
    void a_tutors_feed_parses_back_with_their_sessions_of_the_window_and_none_of_another_tutor() throws Exception {
        MockHttpServletResponse response = fetch(tokenOf(tutorLogin));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/calendar");
        String ics = response.getContentAsString();
        Map<String, VEvent> events = events(ics);
        assertThat(events.keySet()).containsExactlyInAnyOrder(CalendarFeedService.uid(upcoming),
                CalendarFeedService.uid(past), CalendarFeedService.uid(cancelled));

        VEvent next = events.get(CalendarFeedService.uid(upcoming));
        assertThat(next.getDateStart().getValue().toInstant()).isEqualTo(clock.instant().plus(Duration.ofDays(2)));
        assertThat(next.getDateEnd().getValue().toInstant()).isEqualTo(clock.instant().plus(Duration.ofDays(2))
                .plus(Duration.ofHours(1)));
        assertThat(next.getLocation().getValue()).isEqualTo("Library");
        assertThat(next.getStatus().isConfirmed()).isTrue();
        assertThat(events.get(CalendarFeedService.uid(cancelled)).getStatus().isCancelled()).isTrue();
        // Times in UTC, the business zone named.
        assertThat(ics).contains("DTSTART:").contains("Z\r\n").contains("X-WR-TIMEZONE:America/New_York");
        assertThat(ics).doesNotContain("Internal").doesNotContain("88.00").doesNotContain("$").doesNotContain(parentEmail)
                .doesNotContain("555 0100").doesNotContain(CalendarFeedService.uid(othersSession));
    }

    @Test
    void the_same_session_keeps_its_uid_and_a_new_address_revokes_the_old_one() throws Exception {
        String first = tokenOf(tutorLogin);
        Set<String> before = events(fetch(first).getContentAsString()).keySet();
        signIn.as(tutorLogin);
        String second = feeds.newToken();
        assertThat(feeds.myToken()).contains(second);
        signIn.out();

        assertThat(fetch(first).getStatus()).isEqualTo(404);
        assertThat(events(fetch(second).getContentAsString()).keySet()).isEqualTo(before);
        assertThat(fetch("not-a-token").getStatus()).isEqualTo(404);
    }

    @Test
    void an_admins_feed_has_every_tutors_sessions_and_a_disabled_login_has_none() throws Exception {
        String admin = data.adminLogin("a-long-enough-password");
        Map<String, VEvent> events = events(fetch(tokenOf(admin)).getContentAsString());
        assertThat(events).containsKeys(CalendarFeedService.uid(upcoming), CalendarFeedService.uid(othersSession));
        assertThat(events.get(CalendarFeedService.uid(othersSession)).getSummary().getValue()).contains(" with ");

        String token = tokenOf(tutorLogin);
        jdbc.update("update users set enabled = false where email = ?", tutorLogin);
        assertThat(fetch(token).getStatus()).isEqualTo(404);
    }
}
