package com.tutordesk.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.StatementCounter;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sessions list's query on MariaDB: every filter, sort, paging, statement count, role scoping
 * and the CSV export, on a fixture of known sessions (the shared demo data is filtered away by
 * always naming the fixture's tutor, client or a unique search word).
 */
@IntegrationTest
class SessionListServiceIT {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    SessionListService list;

    @Autowired
    SessionLoggingService logging;

    @Autowired
    TestData data;
    @Autowired
    com.tutordesk.people.ClientService clients;
    @Autowired
    com.tutordesk.people.TutorService tutors;
    @Autowired
    com.tutordesk.people.SubjectService subjects;

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatementCounter statements;

    @Autowired
    TestClock clock;

    String token;
    long tutorA;
    long tutorB;
    long clientOne;
    long clientTwo;
    long studentOne;
    long studentTwo;
    long studentThree;
    long subjectOne;
    long subjectTwo;
    String tutorBLogin;
    long cancelledSession;
    long lateSession;
    long endedScheduled;
    long upcoming;
    long invoicedSession;
    long paidSession;
    long reportWritten;
    long reportSent;
    long lateEvening;
    long withFormulaLocation;

    static Instant ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    @BeforeEach
    void fixture() {
        clock.reset();
        token = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        tutorA = data.tutor("Aurelio " + token + "a");
        tutorB = data.tutor("Bettina " + token + "b");
        tutorBLogin = data.tutorLogin(tutorB, "a-long-enough-password");
        clientOne = data.client(token + "c family");
        clientTwo = data.client(token + "x household");
        studentOne = data.student(clientOne, "Quinn " + token + "d");
        studentTwo = data.student(clientOne, "Rosa " + token + "e");
        studentThree = data.student(clientTwo, "Xavi " + token + "f");
        subjectOne = data.subject("Subject " + token + "g");
        subjectTwo = data.subject("Subject " + token + "h");
        long aOne = data.engagement(tutorA, studentOne, subjectOne, 4500, 2500);
        long aThree = data.engagement(tutorA, studentThree, subjectTwo, 6000, 3000);
        long bTwo = data.engagement(tutorB, studentTwo, subjectOne, 5000, 2800);

        for (String day : List.of("05", "12", "19", "26")) {
            data.session(aOne, ny("2026-10-" + day + "T16:00"), 60, "COMPLETED");
        }
        lateEvening = data.session(aOne, ny("2026-10-30T23:30"), 60, "COMPLETED");
        data.session(aThree, ny("2026-10-07T17:00"), 50, "COMPLETED");
        cancelledSession = data.session(aThree, ny("2026-10-14T17:00"), 50, "CANCELLED");
        lateSession = data.session(aThree, ny("2026-10-21T17:00"), 50, "LATE_CANCELLED");
        data.session(bTwo, ny("2026-10-06T15:00"), 45, "COMPLETED");
        data.session(bTwo, ny("2026-10-13T15:00"), 45, "COMPLETED");
        endedScheduled = data.session(aOne, ny("2026-11-20T16:00"), 60, "SCHEDULED");
        upcoming = data.session(aOne, ny("2026-12-01T16:00"), 60, "SCHEDULED");

        List<Long> octoberA = jdbc.queryForList("select id from tutoring_sessions where tutor_id = ? and status ="
                + " 'COMPLETED' and duration_minutes = 60 order by starts_at", Long.class, tutorA);
        invoicedSession = octoberA.get(0);
        paidSession = octoberA.get(1);
        reportWritten = octoberA.get(2);
        reportSent = octoberA.get(3);
        withFormulaLocation = invoicedSession;
        data.updateSession(invoicedSession, "billing_state = 'INVOICED', location = ?", "=HYPERLINK(\"http://evil\")");
        data.updateSession(paidSession, "billing_state = 'PAID', internal_note = ?", "Secret note " + token);
        data.updateSession(reportWritten, "report = ?, rating = 4", "Good work " + token);
        data.updateSession(reportSent, "report = ?, report_sent_at = ?", "Great work", TestData.utc(ny("2026-10-26T18:00")));
    }

    @AfterEach
    void signOut() {
        signIn.out();
        clock.reset();
    }

    private void asAdmin() {
        signIn.as(DemoAccounts.read(jdbc).adminEmail());
    }

    private SessionFilter byTutor(long tutorId) {
        return new SessionFilter(DateRange.ALL, tutorId, null, null, null, null, null, null, null);
    }

    private List<SessionRow> all(SessionFilter filter, SessionSort sort) {
        return list.fetch(filter, sort, 0, 500, null);
    }

    private List<SessionRow> all(SessionFilter filter) {
        return all(filter, SessionSort.NEWEST_FIRST);
    }

    @Test
    void the_tutor_filter_keeps_only_that_tutors_sessions() {
        asAdmin();
        List<SessionRow> rows = all(byTutor(tutorA));
        assertThat(rows).hasSize(10).allMatch(r -> r.tutorName().equals("Aurelio " + token + "a"));
        assertThat(list.totals(byTutor(tutorA)).count()).isEqualTo(10);
    }

    @Test
    void client_student_and_subject_filters_narrow_the_rows() {
        asAdmin();
        assertThat(all(new SessionFilter(DateRange.ALL, null, clientOne, null, null, null, null, null, null)))
                .hasSize(9).allMatch(r -> r.clientName().equals(token + "c family"));
        assertThat(all(new SessionFilter(DateRange.ALL, null, null, studentThree, null, null, null, null, null)))
                .hasSize(3).allMatch(r -> r.studentName().equals("Xavi " + token + "f"));
        assertThat(all(new SessionFilter(DateRange.ALL, null, null, null, subjectTwo, null, null, null, null)))
                .hasSize(3);
    }

    @Test
    void the_date_range_is_read_in_the_business_time_zone() {
        asAdmin();
        SessionFilter october = byTutor(tutorA).withDates(new DateRange(LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-31")));
        assertThat(all(october)).hasSize(8);
        // 11:30 PM on Oct 30 in New York is already Oct 31 in UTC: it belongs to Oct 30.
        assertThat(all(byTutor(tutorA).withDates(new DateRange(LocalDate.parse("2026-10-30"),
                LocalDate.parse("2026-10-30"))))).extracting(SessionRow::id).containsExactly(lateEvening);
        assertThat(all(byTutor(tutorA).withDates(new DateRange(LocalDate.parse("2026-10-31"),
                LocalDate.parse("2026-10-31"))))).isEmpty();
        assertThat(all(byTutor(tutorA).withDates(new DateRange(LocalDate.parse("2026-11-01"), null))))
                .extracting(SessionRow::id).containsExactly(upcoming, endedScheduled);
    }

    @Test
    void a_scheduled_session_whose_end_has_passed_counts_as_completed() {
        asAdmin();
        SessionFilter completed = new SessionFilter(DateRange.ALL, tutorA, null, null, null, SessionStatus.COMPLETED,
                null, null, null);
        assertThat(all(completed)).extracting(SessionRow::id).contains(endedScheduled).hasSize(7);
        assertThat(all(completed)).allMatch(r -> r.status() == SessionStatus.COMPLETED);
        SessionFilter scheduled = new SessionFilter(DateRange.ALL, tutorA, null, null, null, SessionStatus.SCHEDULED,
                null, null, null);
        assertThat(all(scheduled)).extracting(SessionRow::id).containsExactly(upcoming);
        assertThat(all(new SessionFilter(DateRange.ALL, tutorA, null, null, null, SessionStatus.CANCELLED, null, null,
                null))).extracting(SessionRow::id).containsExactly(cancelledSession);
        assertThat(all(new SessionFilter(DateRange.ALL, tutorA, null, null, null, SessionStatus.LATE_CANCELLED, null,
                null, null))).extracting(SessionRow::id).containsExactly(lateSession);
    }

    @Test
    void report_and_billing_filters_use_the_one_billing_state() {
        asAdmin();
        assertThat(all(new SessionFilter(DateRange.ALL, tutorA, null, null, null, null, ReportState.WRITTEN, null,
                null))).extracting(SessionRow::id).containsExactly(reportWritten);
        assertThat(all(new SessionFilter(DateRange.ALL, tutorA, null, null, null, null, ReportState.SENT, null, null)))
                .extracting(SessionRow::id).containsExactly(reportSent);
        assertThat(all(new SessionFilter(DateRange.ALL, tutorA, null, null, null, null, ReportState.NONE, null, null)))
                .hasSize(8);
        List<SessionRow> invoiced = all(new SessionFilter(DateRange.ALL, tutorA, null, null, null, null, null,
                BillingState.INVOICED, null));
        assertThat(invoiced).extracting(SessionRow::id).containsExactly(invoicedSession);
        assertThat(invoiced.getFirst().invoiced()).isTrue();
        assertThat(invoiced.getFirst().paid()).isFalse();
        List<SessionRow> paid = all(new SessionFilter(DateRange.ALL, tutorA, null, null, null, null, null,
                BillingState.PAID, null));
        assertThat(paid).extracting(SessionRow::id).containsExactly(paidSession);
        assertThat(paid.getFirst().paid()).isTrue();
        // Issue 12: of the 8 sessions stored as unbilled, the one cancelled in time is not billable and the one
        // that has not ended is upcoming (the scheduled one whose end has passed is billable).
        assertThat(all(new SessionFilter(DateRange.ALL, tutorA, null, null, null, null, null, BillingState.UNBILLED,
                null))).hasSize(6).extracting(SessionRow::id).contains(endedScheduled, lateSession)
                .doesNotContain(cancelledSession, upcoming);
        assertThat(all(new SessionFilter(DateRange.ALL, tutorA, null, null, null, null, null,
                BillingState.NOT_BILLABLE, null))).extracting(SessionRow::id, SessionRow::billing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(cancelledSession, BillingState.NOT_BILLABLE));
        assertThat(all(new SessionFilter(DateRange.ALL, tutorA, null, null, null, null, null, BillingState.UPCOMING,
                null))).extracting(SessionRow::id, SessionRow::billing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(upcoming, BillingState.UPCOMING));
    }

    @Test
    void two_clients_with_the_same_name_are_told_apart_by_their_billing_contact_in_pickers() {
        asAdmin();
        String name = "García " + token;
        long maria = data.client(name);
        long luis = data.client(name);
        jdbc.update("update clients set billing_contact_name = 'Maria García' where id = ?", maria);
        jdbc.update("update clients set billing_contact_name = 'Luis García' where id = ?", luis);
        long adult = data.client("Grace " + token);
        jdbc.update("update clients set billing_contact_name = ?, billing_contact_email = 'grace@example.org'"
                + " where id = ?", "Grace " + token, adult);

        assertThat(list.clientChoices("garcía " + token, 0, 50)).extracting(FilterChoice::name)
                .containsExactly(name + " · Maria García", name + " · Luis García");
        assertThat(list.choice(SessionListService.ChoiceKind.CLIENT, luis)).get().extracting(FilterChoice::name)
                .isEqualTo(name + " · Luis García");
        assertThat(list.clientChoices("grace " + token, 0, 50)).extracting(FilterChoice::name)
                .containsExactly("Grace " + token + " · grace@example.org");

        long mariasStudent = data.student(maria, "Ana " + token);
        long luisStudent = data.student(luis, "Ana " + token);
        data.engagement(tutorB, mariasStudent, subjectOne, 5000, 2500);
        data.engagement(tutorB, luisStudent, subjectOne, 5000, 2500);
        assertThat(logging.engagementsForLogging(tutorB)).extracting(EngagementOption::label)
                .contains("Ana " + token + " — Subject " + token + "g (" + name + " · Maria García)",
                        "Ana " + token + " — Subject " + token + "g (" + name + " · Luis García)");
    }

    @Test
    void the_search_finds_student_client_and_tutor_names_ignoring_case() {
        asAdmin();
        assertThat(all(new SessionFilter(DateRange.ALL, null, null, null, null, null, null, null, token + "c")))
                .hasSize(9);
        assertThat(all(new SessionFilter(DateRange.ALL, null, null, null, null, null, null, null,
                (token + "f").toUpperCase(Locale.ROOT)))).hasSize(3);
        assertThat(all(new SessionFilter(DateRange.ALL, null, null, null, null, null, null, null, "Bettina " + token)))
                .hasSize(2);
        assertThat(all(new SessionFilter(DateRange.ALL, null, null, null, null, null, null, null, token + "%_!")))
                .isEmpty();
    }

    @Test
    void rows_sort_by_any_column_with_ties_broken_by_id() {
        asAdmin();
        List<SessionRow> newest = all(byTutor(tutorA));
        assertThat(newest.getFirst().id()).isEqualTo(upcoming);
        assertThat(newest).isSortedAccordingTo(Comparator.comparing(SessionRow::startsAt).reversed());

        List<SessionRow> byClient = all(byTutor(tutorA), new SessionSort(SessionSort.Property.CLIENT, true));
        assertThat(byClient).isSortedAccordingTo(Comparator.comparing(SessionRow::clientName)
                .thenComparing(SessionRow::id));
        assertThat(byClient.getFirst().clientName()).isEqualTo(token + "c family");

        List<SessionRow> byAmount = all(byTutor(tutorA), new SessionSort(SessionSort.Property.CLIENT_AMOUNT, false));
        assertThat(byAmount).isSortedAccordingTo(Comparator.comparing(SessionRow::clientAmountMinor).reversed()
                .thenComparing(Comparator.comparing(SessionRow::id).reversed()));
        for (SessionSort.Property property : SessionSort.Property.values()) {
            assertThat(all(byTutor(tutorA), new SessionSort(property, true))).hasSize(10);
        }
    }

    @Test
    void after_a_client_and_a_student_are_renamed_their_sessions_sort_by_the_new_names() {
        asAdmin();
        SessionSort byClient = new SessionSort(SessionSort.Property.CLIENT, true);
        SessionSort byStudent = new SessionSort(SessionSort.Property.STUDENT, true);
        assertThat(all(byTutor(tutorA), byClient).getFirst().clientName()).isEqualTo(token + "c family");

        com.tutordesk.people.ClientDetails one = clients.get(clientOne);
        com.tutordesk.people.ClientForm form = one.form();
        clients.update(clientOne, one.version(), new com.tutordesk.people.ClientForm("Zz " + token + " family",
                form.contactName(), form.contactEmail(), form.contactPhone(), form.studentPays(), form.address(),
                form.autopay()));
        String xavi = jdbc.queryForObject("select name from students where id = ?", String.class, studentThree);
        long xaviVersion = jdbc.queryForObject("select version from students where id = ?", Long.class, studentThree);
        clients.updateStudent(studentThree, xaviVersion, new com.tutordesk.people.StudentForm("Aaron " + token,
                null, null, null));

        List<SessionRow> sortedByClient = all(byTutor(tutorA), byClient);
        // The database's collation ignores case, as people read names.
        assertThat(sortedByClient).isSortedAccordingTo(Comparator.comparing(SessionRow::clientName,
                String.CASE_INSENSITIVE_ORDER).thenComparing(SessionRow::id));
        assertThat(sortedByClient.getLast().clientName()).isEqualTo("Zz " + token + " family");
        List<SessionRow> sortedByStudent = all(byTutor(tutorA), byStudent);
        assertThat(sortedByStudent.getFirst().studentName()).isEqualTo("Aaron " + token).isNotEqualTo(xavi);
        assertThat(sortedByStudent).isSortedAccordingTo(Comparator.comparing(SessionRow::studentName,
                String.CASE_INSENSITIVE_ORDER).thenComparing(SessionRow::id));
        com.tutordesk.testing.HourTotalsCheck.assertAgreeWithSessions(jdbc);
    }

    @Test
    void after_a_tutor_and_a_subject_are_renamed_their_sessions_sort_by_the_new_names() {
        asAdmin();
        com.tutordesk.people.TutorDetails aurelio = tutors.get(tutorA);
        tutors.update(tutorA, aurelio.version(), new com.tutordesk.people.TutorForm("Zelda " + token, aurelio.email(),
                aurelio.phone(), aurelio.subjects().stream().map(com.tutordesk.people.TutorDetails.SubjectRef::id)
                        .collect(java.util.stream.Collectors.toSet()), aurelio.enhancedAccessOverride()));
        long subjectVersion = jdbc.queryForObject("select version from subjects where id = ?", Long.class, subjectTwo);
        subjects.rename(subjectTwo, subjectVersion, "Aaa subject " + token);

        SessionFilter both = new SessionFilter(DateRange.ALL, null, null, null, null, null, null, null, token);
        List<SessionRow> byTutor = all(both, new SessionSort(SessionSort.Property.TUTOR, true));
        assertThat(byTutor.getLast().tutorName()).isEqualTo("Zelda " + token);
        assertThat(byTutor).isSortedAccordingTo(Comparator.comparing(SessionRow::tutorName,
                String.CASE_INSENSITIVE_ORDER).thenComparing(SessionRow::id));
        List<SessionRow> bySubject = all(both, new SessionSort(SessionSort.Property.SUBJECT, true));
        assertThat(bySubject.getFirst().subjectName()).isEqualTo("Aaa subject " + token);
        assertThat(bySubject).isSortedAccordingTo(Comparator.comparing(SessionRow::subjectName,
                String.CASE_INSENSITIVE_ORDER).thenComparing(SessionRow::id));
        com.tutordesk.testing.HourTotalsCheck.assertAgreeWithSessions(jdbc);
    }

    @Test
    void pages_join_up_without_gaps_or_repeats_forwards_and_backwards() {
        asAdmin();
        SessionFilter filter = byTutor(tutorA);
        List<SessionRow> everything = all(filter);
        List<SessionRow> paged = new ArrayList<>();
        for (int offset = 0; offset < 10; offset += 3) {
            paged.addAll(list.fetch(filter, SessionSort.NEWEST_FIRST, offset, 3, null));
        }
        assertThat(paged).isEqualTo(everything);
        List<SessionRow> backwards = new ArrayList<>();
        for (int offset = 0; offset < 10; offset += 3) {
            backwards.addAll(list.fetch(filter, SessionSort.NEWEST_FIRST, offset, 3, 10L));
        }
        assertThat(backwards).isEqualTo(everything);
        assertThat(list.fetch(filter, new SessionSort(SessionSort.Property.STUDENT, true), 8, 5, 10L))
                .isEqualTo(all(filter, new SessionSort(SessionSort.Property.STUDENT, true)).subList(8, 10));
    }

    @Test
    void a_page_of_50_or_200_costs_one_statement_and_the_count_one_more() {
        asAdmin();
        // As in a Vaadin round trip: the caller is resolved once per HTTP request, then the grid asks
        // for its count and its rows.
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(
                        new org.springframework.mock.web.MockHttpServletRequest()));
        try {
            pagesAndCountWithinOneRequest();
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
    }

    private void pagesAndCountWithinOneRequest() {
        list.tutorChoices("", 0, 50);
        for (int size : List.of(50, 200)) {
            statements.start();
            List<SessionRow> rows = list.fetch(SessionFilter.NONE, SessionSort.NEWEST_FIRST, 0, size, null);
            int fetchStatements = statements.stop();
            assertThat(rows).hasSize(size);
            assertThat(fetchStatements).as(statements.lastStatements().toString()).isEqualTo(1);
        }
        statements.start();
        list.fetch(SessionFilter.NONE, new SessionSort(SessionSort.Property.CLIENT, true), 300, 200, 5000L);
        assertThat(statements.stop()).isEqualTo(1);
        statements.start();
        SessionTotals totals = list.totals(SessionFilter.NONE);
        assertThat(statements.stop()).isEqualTo(1);
        assertThat(totals.count()).isGreaterThan(600);
    }

    @Test
    void a_tutor_only_ever_gets_their_own_sessions_whatever_the_filter_says() {
        signIn.as(tutorBLogin);
        assertThat(all(SessionFilter.NONE)).hasSize(2).allMatch(r -> r.tutorName().startsWith("Bettina"));
        assertThat(all(byTutor(tutorA))).isEmpty();
        assertThat(list.totals(byTutor(tutorA)).count()).isZero();
        assertThat(all(new SessionFilter(DateRange.ALL, null, clientTwo, null, null, null, null, null, null)))
                .isEmpty();
        assertThat(all(new SessionFilter(DateRange.ALL, null, null, null, null, null, null, null, "Aurelio " + token)))
                .isEmpty();
        statements.start();
        list.fetch(SessionFilter.NONE, SessionSort.NEWEST_FIRST, 0, 50, null);
        int fetchStatements = statements.stop();
        assertThat(statements.lastStatements().stream().filter(sql -> sql.contains("tutoring_sessions"))).hasSize(1);
        assertThat(fetchStatements).as("one for the rows, at most two to resolve the tutor's access").isLessThanOrEqualTo(3);
    }

    @Test
    void a_plain_tutor_cannot_order_by_the_client_amounts_they_may_not_see() {
        signIn.as(tutorBLogin);
        List<SessionRow> byAmount = all(SessionFilter.NONE, new SessionSort(SessionSort.Property.CLIENT_AMOUNT, false));
        assertThat(byAmount).isEqualTo(all(SessionFilter.NONE, SessionSort.NEWEST_FIRST));
        String csv = export(SessionFilter.NONE, new SessionSort(SessionSort.Property.CLIENT_AMOUNT, true));
        assertThat(csv).isEqualTo(export(SessionFilter.NONE));
    }

    @Test
    void a_plain_tutor_sees_no_client_amounts_but_the_sum_of_their_earnings() {
        signIn.as(tutorBLogin);
        assertThat(all(SessionFilter.NONE)).allMatch(r -> r.clientAmountMinor() == null)
                .allMatch(r -> r.tutorEarningsMinor() > 0);
        SessionTotals totals = list.totals(SessionFilter.NONE);
        assertThat(totals.count()).isEqualTo(2);
        assertThat(totals.clientAmountMinor()).isNull();
        // Their own earnings: two 45-minute sessions at 28.00/h.
        assertThat(totals.tutorEarningsMinor()).isEqualTo(4_200);
    }

    @Test
    void an_admin_gets_the_sums_of_the_filtered_set() {
        asAdmin();
        SessionTotals totals = list.totals(new SessionFilter(DateRange.ALL, null, null, studentThree, null, null, null,
                null, null));
        // 50 min at 60.00/h = 50.00; cancelled = 0; late-cancelled (fixture copies full amounts) = 50.00
        assertThat(totals.count()).isEqualTo(3);
        assertThat(totals.clientAmountMinor()).isEqualTo(10_000);
        assertThat(totals.tutorEarningsMinor()).isEqualTo(5_000);
    }

    @Test
    void a_name_search_counts_and_sums_each_matching_session_once_whichever_way_it_is_read() {
        asAdmin();
        clock.set(Instant.parse("2026-11-25T12:00:00Z"));
        // The token is in every tutor's, client's and student's name: each session matches three times.
        List<SessionFilter> filters = List.of(
                new SessionFilter(DateRange.ALL, null, null, null, null, null, null, null, token),
                new SessionFilter(new DateRange(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31")), null,
                        null, null, subjectOne, SessionStatus.COMPLETED, null, null, token + "c"),
                new SessionFilter(DateRange.ALL, null, null, null, null, null, ReportState.NONE, BillingState.UNBILLED,
                        "BETTINA " + token),
                new SessionFilter(DateRange.ALL, null, null, null, null, SessionStatus.COMPLETED, null, null, token + "x"));
        for (SessionFilter filter : filters) {
            List<SessionRow> rows = all(filter);
            assertThat(rows).as("rows of %s", filter).isNotEmpty();
            SessionTotals expected = new SessionTotals(rows.size(),
                    rows.stream().mapToLong(SessionRow::clientAmountMinor).sum(),
                    rows.stream().mapToLong(SessionRow::tutorEarningsMinor).sum());
            assertThat(list.totals(filter)).as("totals of %s", filter).isEqualTo(expected);

            SessionListSql.Where where = SessionListSql.where(filter, null, NEW_YORK, clock.instant());
            org.springframework.jdbc.core.RowMapper<SessionTotals> sums =
                    (rs, i) -> new SessionTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            assertThat(jdbc.queryForObject(SessionListSql.totals(where), sums, where.params.toArray()))
                    .as("every session tested, %s", filter).isEqualTo(expected);
            assertThat(jdbc.queryForObject(SessionListSql.totalsOfMatchedNames(where), sums,
                    SessionListSql.totalsOfMatchedNamesParams(where).toArray()))
                    .as("matched people's sessions, %s", filter).isEqualTo(expected);
        }
    }

    @Test
    void the_tutor_choices_and_record_names_are_scoped_for_tutors() {
        signIn.as(tutorBLogin);
        assertThat(list.tutorChoices("", 0, 50)).extracting(FilterChoice::id).containsExactly(tutorB);
        assertThat(list.clientChoices(token, 0, 50)).extracting(FilterChoice::id).containsExactly(clientOne);
        assertThat(list.studentChoices(token, 0, 50)).extracting(FilterChoice::id).containsExactly(studentTwo);
        assertThat(list.choice(SessionListService.ChoiceKind.TUTOR, tutorA)).isEmpty();
        assertThat(list.choice(SessionListService.ChoiceKind.CLIENT, clientTwo)).isEmpty();
        assertThat(list.choice(SessionListService.ChoiceKind.CLIENT, clientOne)).isPresent();
        asAdmin();
        assertThat(list.clientChoices(token, 0, 50)).extracting(FilterChoice::id)
                .containsExactly(clientOne, clientTwo);
        assertThat(list.choice(SessionListService.ChoiceKind.TUTOR, tutorA)).isPresent();
        assertThat(list.choice(SessionListService.ChoiceKind.TUTOR, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void page_limits_are_checked() {
        asAdmin();
        assertThatThrownBy(() -> list.fetch(SessionFilter.NONE, SessionSort.NEWEST_FIRST, 0, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> list.fetch(SessionFilter.NONE, SessionSort.NEWEST_FIRST, 0, 501, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> list.fetch(SessionFilter.NONE, SessionSort.NEWEST_FIRST, -1, 10, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> list.fetch(SessionFilter.NONE, SessionSort.NEWEST_FIRST,
                SessionListService.MAX_SCROLL_ROWS, 50, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("narrow the filters");
    }

    @Test
    void the_csv_export_neutralises_formulas_and_keeps_internal_notes_for_admins() {
        asAdmin();
        String csv = export(byTutor(tutorA));
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).contains("Client amount (USD)").contains("Internal note").contains("Tutor earnings (USD)");
        assertThat(lines).hasSize(11);
        assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").contains("Secret note " + token);
        assertThat(csv).contains("Aurelio " + token + "a").contains("45.00");
    }

    @Test
    void the_csv_export_of_a_plain_tutor_has_neither_client_amounts_nor_internal_notes() {
        data.updateSession(jdbc.queryForObject("select min(id) from tutoring_sessions where tutor_id = ?", Long.class,
                tutorB), "internal_note = ?", "Never for tutors " + token);
        signIn.as(tutorBLogin);
        String csv = export(SessionFilter.NONE);
        String header = csv.lines().findFirst().orElseThrow();
        assertThat(header).doesNotContain("Client amount").doesNotContain("Internal note");
        assertThat(csv).doesNotContain("Never for tutors").contains("Bettina " + token + "b")
                .doesNotContain("Aurelio");
        assertThat(csv.lines()).hasSize(3);
    }

    private String export(SessionFilter filter) {
        return export(filter, SessionSort.NEWEST_FIRST);
    }

    private String export(SessionFilter filter, SessionSort sort) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        list.exportCsv(filter, sort, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
