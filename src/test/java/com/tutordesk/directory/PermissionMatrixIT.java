package com.tutordesk.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.engagement.EngagementChange;
import com.tutordesk.engagement.EngagementForm;
import com.tutordesk.engagement.EngagementService;
import com.tutordesk.people.ClientForm;
import com.tutordesk.people.ClientService;
import com.tutordesk.people.StudentForm;
import com.tutordesk.people.SubjectService;
import com.tutordesk.people.TutorForm;
import com.tutordesk.people.TutorService;
import com.tutordesk.billing.FamilyInvoiceService;
import com.tutordesk.portal.PortalFixture;
import com.tutordesk.portal.PortalInvitationService;
import com.tutordesk.portal.PortalService;
import com.tutordesk.security.UserAccountService;
import com.tutordesk.session.FamilySessionService;
import com.tutordesk.session.PeopleSessionsService;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * domain.md's roles table, row by row, for the four kinds of login (the fourth, a family's CLIENT
 * login, is refused by every one of these staff services), asked of the services
 * themselves (never of what a view shows): each cell either succeeds, is refused, or answers
 * "not found" (for records that are not the caller's to see).
 */
@IntegrationTest
class PermissionMatrixIT {

    enum Outcome { ALLOWED, DENIED, NOT_FOUND }

    enum Who { ADMIN, ENHANCED, PLAIN, CLIENT }

    interface Action {
        void run() throws Exception;
    }

    record Row(String action, Outcome admin, Outcome enhanced, Outcome plain, Outcome client, Action call) {

        /**
         * A staff service's row: a family's portal login (issue 18) is refused by every staff service,
         * whatever the record, so it learns nothing, not even whether an id exists.
         */
        Row(String action, Outcome admin, Outcome enhanced, Outcome plain, Action call) {
            this(action, admin, enhanced, plain, Outcome.DENIED, call);
        }

        Outcome expected(Who who) {
            return switch (who) {
                case ADMIN -> admin;
                case ENHANCED -> enhanced;
                case PLAIN -> plain;
                case CLIENT -> client;
            };
        }
    }

    @Autowired
    TutorService tutors;
    @Autowired
    com.tutordesk.prepaid.PackageRefunds packageRefunds;
    @Autowired
    SubjectService subjects;
    @Autowired
    ClientService clients;
    @Autowired
    EngagementService engagements;
    @Autowired
    PeopleSessionsService sessions;
    @Autowired
    SettingsService settings;
    @Autowired
    UserAccountService accounts;
    @Autowired
    com.tutordesk.testing.TestClock testClock;
    @Autowired
    com.tutordesk.prepaid.PrepaidService prepaid;
    @Autowired
    com.tutordesk.prepaid.LowBalanceEmails lowBalance;
    @Autowired
    com.tutordesk.session.SessionEditingService editing;
    @Autowired
    com.tutordesk.billing.InvoiceIssuingService issuing;
    @Autowired
    com.tutordesk.billing.InvoiceSettlementService settlement;
    @Autowired
    PortalInvitationService invitations;
    @Autowired
    PortalService portal;
    @Autowired
    FamilySessionService familySessions;
    @Autowired
    FamilyInvoiceService familyInvoices;
    @Autowired
    com.tutordesk.people.FamilyContactService familyContacts;
    @Autowired
    com.tutordesk.portal.PortalEmailChangeService emailChanges;
    @Autowired
    SignIn signIn;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    @TestFactory
    Stream<DynamicTest> every_role_gets_exactly_what_domain_md_allows() {
        DemoAccounts demo = DemoAccounts.read(jdbc);
        long officeClient = data.client(TestData.unique("Office client"));
        long officeStudent = data.student(officeClient, "Olly Office");
        long otherTutor = data.tutor("Matrix Tutor");
        long subject = data.subject();
        long othersEngagement = data.engagement(otherTutor, officeStudent, subject, 7000, 4000);
        long plainEngagement = data.engagement(demo.plainTutorId(), officeStudent, subject, 7000, 4000);
        signIn.as(demo.enhancedTutorEmail());
        long eaClient = clients.create(new ClientForm(TestData.unique("EA client"), "Eda", "eda@example.org", null,
                false, null, false));
        long eaStudent = clients.addStudent(eaClient, new StudentForm("Ezra", null, null, null));
        long eaEngagement = engagements.create(new EngagementForm(demo.enhancedTutorId(), eaStudent, subject,
                7000L, 4000L, 60));
        signIn.as(demo.adminEmail());
        java.time.LocalDate today = settings.profile().today(testClock);
        long packageInvoice = issuing.create(new com.tutordesk.billing.NewInvoice(eaClient, List.of(), List.of(),
                today.plusDays(14), com.tutordesk.billing.NewInvoice.Delivery.SEND_NOW, null,
                List.of(new com.tutordesk.billing.NewInvoice.PackageLine(eaEngagement, 600, 70_000, null))));
        settlement.markPaid(packageInvoice, new com.tutordesk.billing.ManualPayment(
                com.tutordesk.billing.PaymentMethod.CASH, today, null));
        long eaPackage = prepaid.packagesOfClient(eaClient).getFirst().packageId();
        long othersSession = data.session(othersEngagement, testClock.instant().minusSeconds(86_400), 60, "COMPLETED");
        long family = data.client(TestData.unique("Portal family"));
        signIn.as(demo.adminEmail());
        invitations.invite(family);
        signIn.out();
        String clientEmail = portal.acceptInvitation(PortalFixture.latestInvitationToken(jdbc, family),
                PortalFixture.STRONG);
        signIn.out();

        List<Row> rows = List.of(
                new Row("see the office client's prepaid packages", Outcome.ALLOWED, Outcome.NOT_FOUND,
                        Outcome.NOT_FOUND, () -> prepaid.packagesOfClient(officeClient)),
                new Row("see own client's prepaid packages", Outcome.ALLOWED, Outcome.ALLOWED, Outcome.NOT_FOUND,
                        () -> prepaid.packagesOfClient(eaClient)),
                new Row("see an own-client engagement's packages", Outcome.ALLOWED, Outcome.ALLOWED,
                        Outcome.NOT_FOUND, () -> prepaid.packagesOfEngagement(eaEngagement)),
                new Row("see another tutor's engagement's packages", Outcome.ALLOWED, Outcome.NOT_FOUND,
                        Outcome.NOT_FOUND, () -> prepaid.packagesOfEngagement(othersEngagement)),
                new Row("see Prepaid hours left", Outcome.ALLOWED, Outcome.ALLOWED, Outcome.DENIED,
                        () -> prepaid.totals()),
                new Row("ask whether another tutor's session may use package hours", Outcome.ALLOWED,
                        Outcome.NOT_FOUND, Outcome.NOT_FOUND, () -> editing.mayApplyPackage(othersSession)),
                new Row("read the low-balance email setting", Outcome.ALLOWED, Outcome.DENIED, Outcome.DENIED,
                        () -> lowBalance.current()),
                new Row("change the low-balance email setting", Outcome.ALLOWED, Outcome.DENIED, Outcome.DENIED,
                        () -> lowBalance.update(null, lowBalance.current().version())),
                new Row("refund a package's unused hours", Outcome.ALLOWED, Outcome.DENIED, Outcome.DENIED,
                        () -> packageRefunds.refundManually(eaPackage, new com.tutordesk.prepaid.ManualRefund(
                                com.tutordesk.billing.PaymentMethod.CASH, settings.profile().today(testClock), "R-1"))),
                new Row("list tutors", Outcome.ALLOWED, Outcome.DENIED, Outcome.DENIED,
                        () -> tutors.list("", false, PageRequest.of(0, 5))),
                new Row("add a tutor", Outcome.ALLOWED, Outcome.DENIED, Outcome.DENIED,
                        () -> tutors.create(new TutorForm("New", TestData.unique("n") + "@example.org", null,
                                Set.of(), null))),
                new Row("read another tutor's profile", Outcome.ALLOWED, Outcome.NOT_FOUND, Outcome.NOT_FOUND,
                        () -> tutors.get(otherTutor)),
                new Row("read the plain tutor's own profile", Outcome.ALLOWED, Outcome.NOT_FOUND, Outcome.ALLOWED,
                        () -> tutors.get(demo.plainTutorId())),
                new Row("invite a tutor login", Outcome.ALLOWED, Outcome.DENIED, Outcome.DENIED,
                        () -> tutors.invite(data.tutor("Invitee"), "")),
                new Row("add a subject", Outcome.ALLOWED, Outcome.DENIED, Outcome.DENIED,
                        () -> subjects.create(TestData.unique("Subject"))),
                new Row("change settings", Outcome.ALLOWED, Outcome.DENIED, Outcome.DENIED,
                        () -> settings.update(settings.profile())),
                new Row("list logins", Outcome.ALLOWED, Outcome.DENIED, Outcome.DENIED,
                        () -> accounts.list("", PageRequest.of(0, 5))),
                new Row("list clients", Outcome.ALLOWED, Outcome.ALLOWED, Outcome.DENIED,
                        () -> clients.list(new ClientService.ListFilter("", null, null, false), PageRequest.of(0, 5))),
                new Row("add a client", Outcome.ALLOWED, Outcome.ALLOWED, Outcome.DENIED,
                        () -> clients.create(new ClientForm(TestData.unique("C"), "P", "p@example.org", null, false,
                                null, false))),
                new Row("open a client the office added", Outcome.ALLOWED, Outcome.NOT_FOUND, Outcome.NOT_FOUND,
                        () -> clients.get(officeClient)),
                new Row("open a client the Enhanced-Access tutor added", Outcome.ALLOWED, Outcome.ALLOWED,
                        Outcome.NOT_FOUND, () -> clients.get(eaClient)),
                new Row("add a student to the office's client", Outcome.ALLOWED, Outcome.NOT_FOUND, Outcome.NOT_FOUND,
                        () -> clients.addStudent(officeClient, new StudentForm(TestData.unique("S"), null, null, null))),
                new Row("see the office client's sessions", Outcome.ALLOWED, Outcome.NOT_FOUND, Outcome.NOT_FOUND,
                        () -> sessions.ofClient(officeClient, PageRequest.of(0, 5))),
                new Row("create an engagement for own client as themself", Outcome.ALLOWED, Outcome.ALLOWED,
                        Outcome.DENIED, () -> engagements.create(new EngagementForm(demo.enhancedTutorId(), eaStudent,
                                data.subject(), 7000L, 4000L, 60))),
                new Row("create an engagement for the office's client", Outcome.ALLOWED, Outcome.NOT_FOUND,
                        Outcome.DENIED, () -> engagements.create(new EngagementForm(demo.enhancedTutorId(),
                                officeStudent, data.subject(), 7000L, 4000L, 60))),
                new Row("open another tutor's engagement", Outcome.ALLOWED, Outcome.NOT_FOUND, Outcome.NOT_FOUND,
                        () -> engagements.get(othersEngagement)),
                new Row("change the client rate of an own-client engagement", Outcome.ALLOWED, Outcome.ALLOWED,
                        Outcome.NOT_FOUND, () -> engagements.update(eaEngagement,
                                engagements.get(eaEngagement).row().version(), new EngagementChange(
                                        engagements.get(eaEngagement).row().clientRateMinor() + 1, 4000L, 60))),
                new Row("change the tutor wage after creation", Outcome.ALLOWED, Outcome.DENIED, Outcome.NOT_FOUND,
                        () -> engagements.update(eaEngagement, engagements.get(eaEngagement).row().version(),
                                new EngagementChange(engagements.get(eaEngagement).row().clientRateMinor(),
                                        engagements.get(eaEngagement).row().tutorWageMinor() + 1, 60))),
                new Row("change rates of an own engagement the office set up", Outcome.ALLOWED, Outcome.NOT_FOUND,
                        Outcome.DENIED, () -> engagements.update(plainEngagement,
                                engagements.get(plainEngagement).row().version(), new EngagementChange(7001L, 4000L, 60))),
                new Row("see the deactivating tutor's upcoming sessions", Outcome.ALLOWED, Outcome.DENIED,
                        Outcome.DENIED, () -> sessions.upcomingOfTutor(otherTutor)),
                new Row("invite the office client's family to the portal", Outcome.ALLOWED, Outcome.NOT_FOUND,
                        Outcome.NOT_FOUND, () -> invitations.invite(officeClient)),
                new Row("see the portal state of the Enhanced-Access tutor's client", Outcome.ALLOWED,
                        Outcome.ALLOWED, Outcome.NOT_FOUND, () -> invitations.status(eaClient)),
                new Row("read a family's own sessions in the portal", Outcome.DENIED, Outcome.DENIED,
                        Outcome.DENIED, Outcome.ALLOWED, () -> familySessions.past()),
                new Row("read a family's own invoices in the portal", Outcome.DENIED, Outcome.DENIED,
                        Outcome.DENIED, Outcome.ALLOWED, () -> familyInvoices.invoices()),
                new Row("see the history of a client the office added", Outcome.ALLOWED, Outcome.NOT_FOUND,
                        Outcome.NOT_FOUND, () -> clients.history(officeClient)),
                new Row("see the history of a client the Enhanced-Access tutor added", Outcome.ALLOWED,
                        Outcome.ALLOWED, Outcome.NOT_FOUND, () -> clients.history(eaClient)),
                new Row("read a family's own contact details in the portal", Outcome.DENIED, Outcome.DENIED,
                        Outcome.DENIED, Outcome.ALLOWED, () -> familyContacts.mine()),
                new Row("correct a family's own contact details in the portal", Outcome.DENIED, Outcome.DENIED,
                        Outcome.DENIED, Outcome.ALLOWED, () -> familyContacts.correct(family,
                                familyContacts.mine().version(), new com.tutordesk.people.ContactCorrection(
                                        "Pat Portal", "555 0100", "1 Portal Lane"))),
                new Row("correct another family's contact details", Outcome.DENIED, Outcome.DENIED, Outcome.DENIED,
                        Outcome.NOT_FOUND, () -> familyContacts.correct(officeClient, 0,
                                new com.tutordesk.people.ContactCorrection("Eve", null, null))),
                new Row("ask to change another family's email", Outcome.DENIED, Outcome.DENIED, Outcome.DENIED,
                        Outcome.NOT_FOUND, () -> emailChanges.request(officeClient, "eve@example.org")));

        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows) {
            for (Who who : Who.values()) {
                String email = switch (who) {
                    case ADMIN -> demo.adminEmail();
                    case ENHANCED -> demo.enhancedTutorEmail();
                    case PLAIN -> demo.plainTutorEmail();
                    case CLIENT -> clientEmail;
                };
                tests.add(DynamicTest.dynamicTest(who + " · " + row.action() + " → " + row.expected(who), () -> {
                    signIn.as(email);
                    try {
                        switch (row.expected(who)) {
                            case ALLOWED -> row.call().run();
                            case DENIED -> assertThatThrownBy(row.call()::run).isInstanceOf(AccessDeniedException.class);
                            case NOT_FOUND -> assertThatThrownBy(row.call()::run).isInstanceOf(NotFoundException.class);
                        }
                    } finally {
                        signIn.out();
                    }
                }));
            }
        }
        assertThat(tests).hasSize(rows.size() * Who.values().length);
        return tests.stream();
    }
}
