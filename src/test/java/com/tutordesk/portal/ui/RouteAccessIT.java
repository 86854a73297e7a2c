package com.tutordesk.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.billing.InvoiceIssuingService;
import com.tutordesk.billing.NewInvoice;
import com.tutordesk.portal.PortalFixture;
import com.tutordesk.portal.PortalInvitationService;
import com.tutordesk.portal.PortalService;
import com.tutordesk.session.SessionNotes;
import com.tutordesk.session.SessionReportService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every route of the app, opened by each of the four kinds of login (issue 18: "extend the
 * permission tests to every route × 4 roles"), through the real navigation: Vaadin's access
 * control, the navigation gate and the views' own checks. Records in the addresses belong to a
 * family and a tutor none of the staff test logins owns, so a tutor's answer is "not found" there,
 * as it is for a family on every staff address. A route missing from the table fails the test, so
 * a new page must say who may open it.
 */
@IntegrationTest
class RouteAccessIT extends SpringBrowserlessTest {

    /** What a login sees at an address. */
    enum Outcome {
        /** The route's own view. */
        OPENS,
        /** The app's "Not found" page (also for pages the login may not open). */
        NOT_FOUND,
        /** Another page the login is sent to (e.g. a family's home instead of the staff home). */
        ELSEWHERE
    }

    enum Who { ADMIN, ENHANCED, PLAIN, CLIENT }

    private static final Outcome O = Outcome.OPENS;
    private static final Outcome N = Outcome.NOT_FOUND;
    private static final Outcome E = Outcome.ELSEWHERE;

    /** route template → outcome for ADMIN, ENHANCED, PLAIN, CLIENT (domain.md "Roles", "Client portal"). */
    static final Map<String, List<Outcome>> EXPECTED = new LinkedHashMap<>();

    static {
        // Every login lands on its home; a family's home is the portal.
        EXPECTED.put("", List.of(O, O, O, E));
        EXPECTED.put("login", List.of(E, E, E, E));
        EXPECTED.put("change-password", List.of(E, E, E, N));
        EXPECTED.put("account", List.of(O, O, O, N));
        EXPECTED.put("sessions", List.of(O, O, O, N));
        EXPECTED.put("sessions/:sessionId(\\d{1,18})", List.of(O, N, N, N));
        EXPECTED.put("schedule", List.of(O, O, O, N));
        EXPECTED.put("clients", List.of(O, O, N, N));
        EXPECTED.put("clients/:id", List.of(O, N, N, N));
        EXPECTED.put("tutors", List.of(O, N, N, N));
        EXPECTED.put("tutors/:id", List.of(O, N, N, N));
        EXPECTED.put("subjects", List.of(O, N, N, N));
        EXPECTED.put("engagements/:id", List.of(O, N, N, N));
        EXPECTED.put("my-engagements", List.of(N, E, E, N)); // a tutor's own page, with their engagements
        EXPECTED.put("payments", List.of(O, O, N, N));
        EXPECTED.put("invoices/new", List.of(O, O, N, N));
        EXPECTED.put("invoices/run", List.of(O, N, N, N));
        EXPECTED.put("invoices/:invoiceId(\\d{1,18})", List.of(O, N, N, N));
        EXPECTED.put("payroll", List.of(O, N, N, N));
        EXPECTED.put("my-pay", List.of(N, O, O, N));
        EXPECTED.put("pay-statements/:tutorId(\\d{1,18})/:start", List.of(O, N, N, N));
        EXPECTED.put("reports", List.of(O, O, N, N));
        EXPECTED.put("outbox", List.of(O, N, N, N));
        EXPECTED.put("settings", List.of(O, N, N, N));
        EXPECTED.put("logins", List.of(O, N, N, N));
        EXPECTED.put("import", List.of(O, N, N, N));
        // The family's own pages: staff get "not found"; the invitation page needs no login.
        EXPECTED.put("portal", List.of(N, N, N, O));
        EXPECTED.put("portal/sessions/:sessionId(\\d{1,18})", List.of(N, N, N, O));
        EXPECTED.put("portal/invoices/:invoiceId(\\d{1,18})", List.of(N, N, N, O));
        EXPECTED.put("portal/welcome/:token", List.of(O, O, O, O));
        // The confirm-new-email link may be opened on any device, signed in or not (the token is the key).
        EXPECTED.put("portal/email/:token", List.of(O, O, O, O));
    }

    @Autowired
    SignIn signIn;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    PortalInvitationService invitations;
    @Autowired
    PortalService portal;
    @Autowired
    SessionReportService reports;
    @Autowired
    InvoiceIssuingService issuing;
    @Autowired
    com.tutordesk.portal.PortalEmailChangeService emailChanges;

    private String latestConfirmToken(long clientId) {
        String body = jdbc.queryForObject("select text_body from mail_messages where ref_type = ? and ref_id = ?"
                + " order by id desc limit 1", String.class, com.tutordesk.portal.PortalEmailChangeService.MAIL_REFERENCE,
                clientId);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/portal/email/([A-Za-z0-9_-]{43})")
                .matcher(body);
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        clock.reset();
    }

    @Test
    void every_route_answers_each_of_the_four_roles_as_the_roles_table_says() {
        DemoAccounts demo = DemoAccounts.read(jdbc);
        PortalFixture family = PortalFixture.create(jdbc, data, "Routes");
        long session = data.session(family.engagementId, TestClock.START.minus(Duration.ofDays(2)), 60, "COMPLETED");
        signIn.as(demo.adminEmail());
        reports.saveAndSend(session, 0, new SessionNotes(5, "Good progress", null));
        long invoice = issuing.create(new NewInvoice(family.clientId, List.of(session), List.of(),
                LocalDate.of(2026, 12, 9), NewInvoice.Delivery.SEND_NOW, null));
        invitations.invite(family.clientId);
        String accepted = PortalFixture.latestInvitationToken(jdbc, family.clientId);
        signIn.out();
        portal.acceptInvitation(accepted, PortalFixture.STRONG);
        signIn.as(demo.adminEmail());
        invitations.invite(family.clientId);
        String open = PortalFixture.latestInvitationToken(jdbc, family.clientId);
        signIn.out();
        signIn.as(family.contactEmail);
        emailChanges.request(family.clientId, TestData.unique("routes").toLowerCase() + "@example.org");
        signIn.out();
        String confirm = latestConfirmToken(family.clientId);
        long engagement = family.engagementId;
        Map<String, String> parameters = Map.of("sessionId", String.valueOf(session), "id", "?",
                "invoiceId", String.valueOf(invoice), "tutorId", String.valueOf(family.tutorId),
                "start", "2026-11-01", "token", open);

        Map<String, String> actual = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        for (RouteData route : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
            String template = route.getTemplate();
            List<Outcome> expected = EXPECTED.get(template);
            if (expected == null) {
                mismatches.add("route " + template + " is missing from the table");
                continue;
            }
            String path = template.startsWith("portal/email/") ? "portal/email/" + confirm
                    : path(template, parameters, family, engagement);
            StringBuilder row = new StringBuilder();
            for (Who who : Who.values()) {
                signIn.as(switch (who) {
                    case ADMIN -> demo.adminEmail();
                    case ENHANCED -> demo.enhancedTutorEmail();
                    case PLAIN -> demo.plainTutorEmail();
                    case CLIENT -> family.contactEmail;
                });
                Outcome outcome = open(path, route.getNavigationTarget());
                signIn.out();
                row.append(who).append('=').append(outcome).append(' ');
                if (outcome != expected.get(who.ordinal())) {
                    mismatches.add(who + " at /" + path + ": " + outcome + ", expected " + expected.get(who.ordinal())
                            + " (now showing " + UI.getCurrent().getCurrentView().getClass().getSimpleName() + ")");
                }
            }
            actual.put(template, row.toString());
        }
        assertThat(mismatches).as("every route × 4 roles; all: " + actual).isEmpty();
        assertThat(actual.keySet()).containsAll(EXPECTED.keySet());
    }

    @Test
    void a_family_reads_its_sent_report_and_gets_not_found_at_another_familys_addresses() {
        DemoAccounts demo = DemoAccounts.read(jdbc);
        PortalFixture ours = PortalFixture.create(jdbc, data, "Readers");
        PortalFixture theirs = PortalFixture.create(jdbc, data, "Strangers");
        long session = data.session(ours.engagementId, TestClock.START.minus(Duration.ofDays(1)), 90, "COMPLETED");
        long other = data.session(theirs.engagementId, TestClock.START.minus(Duration.ofDays(1)), 60, "COMPLETED");
        signIn.as(demo.adminEmail());
        reports.saveAndSend(session, 0, new SessionNotes(4, "Line one.\nLine two: fractions.", "Tutor only"));
        long othersInvoice = issuing.create(new NewInvoice(theirs.clientId, List.of(other), List.of(),
                LocalDate.of(2026, 12, 9), NewInvoice.Delivery.SEND_NOW, null));
        invitations.invite(ours.clientId);
        signIn.out();
        portal.acceptInvitation(PortalFixture.latestInvitationToken(jdbc, ours.clientId), PortalFixture.STRONG);
        signIn.as(ours.contactEmail);

        UI.getCurrent().navigate("");
        assertThat(UI.getCurrent().getCurrentView()).as("a family's home is the portal").isInstanceOf(PortalHomeView.class);
        PortalHomeView home = navigate(PortalHomeView.class);
        assertThat(home.getElement().getTextRecursively()).contains("1 h 30 min").contains("Read the session report")
                .doesNotContain("Tutor only");
        PortalSessionView page = navigate("portal/sessions/" + session, PortalSessionView.class);
        assertThat(page.getElement().getTextRecursively()).contains("Line one.\nLine two: fractions.")
                .doesNotContain("Tutor only");

        assertThat(open("portal/sessions/" + other, PortalSessionView.class)).isEqualTo(Outcome.NOT_FOUND);
        assertThat(open("portal/invoices/" + othersInvoice, PortalInvoiceView.class)).isEqualTo(Outcome.NOT_FOUND);
        assertThat(open("portal/sessions/" + Long.MAX_VALUE / 2, PortalSessionView.class)).isEqualTo(Outcome.NOT_FOUND);
        assertThat(open("sessions/" + session, Object.class)).as("the staff page of their own session")
                .isEqualTo(Outcome.NOT_FOUND);
    }

    private String path(String template, Map<String, String> parameters, PortalFixture family, long engagement) {
        String path = template;
        if (template.startsWith("clients/")) {
            return "clients/" + family.clientId;
        }
        if (template.startsWith("tutors/")) {
            return "tutors/" + family.tutorId;
        }
        if (template.startsWith("engagements/")) {
            return "engagements/" + engagement;
        }
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            path = path.replaceAll(":" + parameter.getKey() + "(\\([^/]*\\))?", java.util.regex.Matcher.quoteReplacement(
                    parameter.getValue()));
        }
        return path;
    }

    private Outcome open(String path, Class<?> target) {
        UI.getCurrent().navigate(path);
        Class<?> shown = UI.getCurrent().getCurrentView().getClass();
        if (shown == target) {
            return Outcome.OPENS;
        }
        String name = shown.getSimpleName();
        return name.equals("NotFoundView") || name.equals("RecordNotFoundView") ? Outcome.NOT_FOUND : Outcome.ELSEWHERE;
    }
}
