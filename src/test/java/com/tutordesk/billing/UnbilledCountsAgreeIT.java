package com.tutordesk.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.session.BillingState;
import com.tutordesk.session.DateRange;
import com.tutordesk.session.PeopleSessionsService;
import com.tutordesk.session.SessionFilter;
import com.tutordesk.session.SessionListService;
import com.tutordesk.session.SessionSort;
import com.tutordesk.session.SessionStatus;
import com.tutordesk.session.SessionTotals;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 12: one definition of billing state. On the demo business (with whatever other tests added to
 * the shared database) the sessions list's Billing = Unbilled filter, its footer and CSV, the Payments
 * page's Unbilled total and client list, the client pages, the Clients filter, Create Invoice and the
 * rate-change dialog count the same sessions. Before the fix the list counted every session stored as
 * unbilled — cancelled in time and upcoming ones too — and the Payments page only the billable ones.
 */
@IntegrationTest
class UnbilledCountsAgreeIT {

    @Autowired
    SessionListService sessionList;

    @Autowired
    PaymentsService payments;

    @Autowired
    InvoiceQueryService invoices;

    @Autowired
    PeopleSessionsService peopleSessions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignIn signIn;

    @Autowired
    com.tutordesk.testing.TestClock clock;

    @BeforeEach
    void signInAsAdmin() {
        signIn.as(DemoAccounts.read(jdbc).adminEmail());
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    private static SessionFilter billing(BillingState state) {
        return new SessionFilter(DateRange.ALL, null, null, null, null, null, null, state, null);
    }

    @Test
    void the_sessions_list_payments_clients_create_invoice_and_rate_change_count_the_same_unbilled_sessions() {
        SessionTotals list = sessionList.totals(billing(BillingState.UNBILLED));
        PaymentsTotals totals = payments.totals();
        assertThat(list.count()).isPositive();
        assertThat(totals.unbilledCount()).isEqualTo(list.count());
        // The list's footer sums the sessions' client amounts; Payments counts what is left to invoice once
        // prepaid packages have covered their part (issue 17).
        BillingState.SqlCondition unbilledNow = BillingState.UNBILLED.sql(clock.instant());
        long prepaidParts = jdbc.queryForObject("select coalesce(sum(s.prepaid_amount_minor), 0) from tutoring_sessions s"
                + " where " + unbilledNow.sql(), Long.class, unbilledNow.params().toArray());
        assertThat(totals.unbilledMinor()).isEqualTo(list.clientAmountMinor() - prepaidParts);

        List<CSVRecord> csv = csv(billing(BillingState.UNBILLED));
        assertThat(csv).hasSize((int) list.count());
        // A session prepaid in part is unbilled for its remainder: "Prepaid 1 h + unbilled 15 min".
        assertThat(csv).extracting(row -> row.get("Billing"))
                .allSatisfy(billing -> assertThat(billing).matches("Unbilled|Prepaid .+ \\+ unbilled .+"));

        List<UnbilledClient> clients = payments.unbilledClients();
        assertThat(clients.stream().mapToLong(UnbilledClient::sessions).sum()).isEqualTo(list.count());
        assertThat(peopleSessions.clientIdsWithUnbilledSessions())
                .isEqualTo(clients.stream().map(UnbilledClient::clientId).collect(Collectors.toSet()));
        for (UnbilledClient client : clients.subList(0, Math.min(15, clients.size()))) {
            SessionFilter ofClient = new SessionFilter(DateRange.ALL, null, client.clientId(), null, null, null, null,
                    BillingState.UNBILLED, null);
            assertThat(sessionList.totals(ofClient).count()).as(client.clientName()).isEqualTo(client.sessions());
            assertThat(peopleSessions.unbilledAmountOfClient(client.clientId())).isEqualTo(client.amountMinor());
            InvoiceCandidates candidates = invoices.candidates(client.clientId());
            assertThat(candidates.sessions().size() + candidates.sessionsOnDrafts()).as(client.clientName())
                    .isEqualTo(client.sessions());
        }

        List<Map<String, Object>> engagements = jdbc.queryForList("select e.id, e.tutor_id, e.student_id, e.subject_id"
                + " from engagements e order by e.id limit 15");
        for (Map<String, Object> e : engagements) {
            long id = ((Number) e.get("id")).longValue();
            SessionFilter unbilled = new SessionFilter(DateRange.ALL, number(e, "tutor_id"), null,
                    number(e, "student_id"), number(e, "subject_id"), null, null, BillingState.UNBILLED, null);
            SessionFilter upcoming = new SessionFilter(DateRange.ALL, number(e, "tutor_id"), null,
                    number(e, "student_id"), number(e, "subject_id"), null, null, BillingState.UPCOMING, null);
            assertThat(peopleSessions.repriceableOfEngagement(id)).as("engagement %d", id)
                    .isEqualTo(new PeopleSessionsService.RepriceableSessions(sessionList.totals(unbilled).count(),
                            sessionList.totals(upcoming).count()));
        }
    }

    @Test
    void sessions_cancelled_in_time_are_not_billable_and_upcoming_ones_are_upcoming_in_the_list_and_the_csv() {
        SessionFilter cancelled = new SessionFilter(DateRange.ALL, null, null, null, null, SessionStatus.CANCELLED, null,
                null, null);
        long cancelledCount = sessionList.totals(cancelled).count();
        assertThat(cancelledCount).isPositive();
        assertThat(sessionList.totals(new SessionFilter(DateRange.ALL, null, null, null, null, SessionStatus.CANCELLED,
                null, BillingState.UNBILLED, null)).count()).isZero();
        assertThat(sessionList.totals(new SessionFilter(DateRange.ALL, null, null, null, null, SessionStatus.CANCELLED,
                null, BillingState.NOT_BILLABLE, null)).count()).isEqualTo(cancelledCount);
        assertThat(sessionList.fetch(cancelled, SessionSort.NEWEST_FIRST, 0, 20, null))
                .allSatisfy(row -> assertThat(row.billing()).isEqualTo(BillingState.NOT_BILLABLE));
        assertThat(csv(cancelled)).extracting(row -> row.get("Billing")).containsOnly("Not billable");

        SessionFilter scheduled = new SessionFilter(DateRange.ALL, null, null, null, null, SessionStatus.SCHEDULED, null,
                null, null);
        assertThat(sessionList.totals(scheduled).count())
                .isEqualTo(sessionList.totals(billing(BillingState.UPCOMING)).count()).isPositive();
        assertThat(sessionList.fetch(scheduled, SessionSort.NEWEST_FIRST, 0, 20, null))
                .allSatisfy(row -> assertThat(row.billing()).isEqualTo(BillingState.UPCOMING));

        // Every session is in exactly one billing state.
        long all = sessionList.totals(SessionFilter.NONE).count();
        long sum = 0;
        for (BillingState state : BillingState.values()) {
            sum += sessionList.totals(billing(state)).count();
        }
        assertThat(sum).isEqualTo(all);
    }

    private List<CSVRecord> csv(SessionFilter filter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sessionList.exportCsv(filter, SessionSort.NEWEST_FIRST, out);
        try {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(out.toString(StandardCharsets.UTF_8))).getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
