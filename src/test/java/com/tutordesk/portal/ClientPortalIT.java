package com.tutordesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.billing.FamilyInvoiceService;
import com.tutordesk.billing.InvoiceIssuingService;
import com.tutordesk.billing.InvoiceQueryService;
import com.tutordesk.billing.InvoiceStatus;
import com.tutordesk.billing.NewInvoice;
import com.tutordesk.payment.FamilyCardService;
import com.tutordesk.people.ClientForm;
import com.tutordesk.people.ClientService;
import com.tutordesk.schedule.CalendarFeedService;
import com.tutordesk.security.ClientLoginService;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.session.FamilySessionService;
import com.tutordesk.session.FamilySessionService.FamilySession;
import com.tutordesk.session.PeopleSessionsService;
import com.tutordesk.session.SessionNotes;
import com.tutordesk.session.SessionReportService;
import com.tutordesk.session.SessionViewService;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * The client portal on MariaDB (issue 18): invitations and their one-time links, and a family that
 * sees exactly its own sessions, sent reports and invoices — and nothing of anyone else's.
 */
@IntegrationTest
class ClientPortalIT {

    @Autowired
    PortalInvitationService invitations;
    @Autowired
    PortalService portal;
    @Autowired
    FamilySessionService familySessions;
    @Autowired
    FamilyInvoiceService familyInvoices;
    @Autowired
    InvoiceIssuingService issuing;
    @Autowired
    InvoiceQueryService staffInvoices;
    @Autowired
    SessionReportService reports;
    @Autowired
    SessionViewService staffSessions;
    @Autowired
    PeopleSessionsService peopleSessions;
    @Autowired
    ClientService clients;
    @Autowired
    FamilyCardService familyCards;
    @Autowired
    CalendarFeedService feeds;
    @Autowired
    com.tutordesk.schedule.SessionReminders reminders;
    @Autowired
    CurrentUserService currentUsers;
    @Autowired
    SignIn signIn;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    com.tutordesk.settings.SettingsService settings;
    @Autowired
    com.tutordesk.prepaid.PrepaidService prepaid;
    @Autowired
    com.tutordesk.billing.InvoiceSettlementService settlement;

    DemoAccounts demo;

    @BeforeEach
    void setUp() {
        clock.reset();
        demo = DemoAccounts.read(jdbc);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        clock.reset();
    }

    private String invite(long clientId) {
        signIn.as(demo.adminEmail());
        try {
            invitations.invite(clientId);
            return PortalFixture.latestInvitationToken(jdbc, clientId);
        } finally {
            signIn.out();
        }
    }

    private ClientLoginService.Status status(long clientId) {
        signIn.as(demo.adminEmail());
        try {
            return invitations.status(clientId);
        } finally {
            signIn.out();
        }
    }

    /** Invites the family and accepts the link; leaves the family's login signed in. */
    private void signedInAs(PortalFixture family) {
        portal.acceptInvitation(invite(family.clientId), PortalFixture.STRONG);
        signIn.as(family.contactEmail);
    }

    @Test
    void an_invited_parent_sets_a_password_once_and_the_client_page_shows_invited_then_active() {
        PortalFixture family = PortalFixture.create(jdbc, data, "Invited");
        assertThat(status(family.clientId).state()).isEqualTo(ClientLoginService.State.NEVER);

        signIn.as(demo.adminEmail());
        assertThat(invitations.invite(family.clientId)).startsWith("Invitation queued for " + family.contactEmail);
        signIn.out();
        String token = PortalFixture.latestInvitationToken(jdbc, family.clientId);
        assertThat(jdbc.queryForObject("select count(*) from portal_invitations where token_hash = ?", Integer.class,
                token)).as("only the token's digest is stored").isZero();
        ClientLoginService.Status invited = status(family.clientId);
        assertThat(invited.state()).isEqualTo(ClientLoginService.State.INVITED);
        assertThat(invited.invitationExpiresAt()).isEqualTo(TestClock.START.plus(Duration.ofDays(7)));
        assertThat(portal.invitation(token)).hasValueSatisfying(preview ->
                assertThat(preview.email()).isEqualTo(family.contactEmail));

        assertThat(portal.acceptInvitation(token, PortalFixture.STRONG)).isEqualTo(family.contactEmail);
        assertThat(status(family.clientId).state()).isEqualTo(ClientLoginService.State.ACTIVE);
        assertThat(jdbc.queryForObject("select role from users where client_id = ?", String.class, family.clientId))
                .isEqualTo("CLIENT");

        assertThat(portal.invitation(token)).as("a used link shows nothing").isEmpty();
        assertThatThrownBy(() -> portal.acceptInvitation(token, "another long passphrase here"))
                .isInstanceOf(RuleViolationException.class).hasMessage(ClientLoginService.LINK_NOT_USABLE);
    }

    @Test
    void an_invitation_link_older_than_seven_days_is_refused() {
        PortalFixture family = PortalFixture.create(jdbc, data, "Late");
        String token = invite(family.clientId);
        clock.advance(Duration.ofDays(7).plusMinutes(1));

        assertThat(portal.invitation(token)).isEmpty();
        assertThatThrownBy(() -> portal.acceptInvitation(token, PortalFixture.STRONG))
                .isInstanceOf(RuleViolationException.class).hasMessage(ClientLoginService.LINK_NOT_USABLE);
        assertThat(status(family.clientId).state()).isEqualTo(ClientLoginService.State.NEVER);
        assertThat(jdbc.queryForObject("select count(*) from users where client_id = ?", Integer.class,
                family.clientId)).isZero();
    }

    @Test
    void a_new_invitation_makes_the_earlier_link_stop_working() {
        PortalFixture family = PortalFixture.create(jdbc, data, "Twice");
        String first = invite(family.clientId);
        String second = invite(family.clientId);

        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> portal.acceptInvitation(first, PortalFixture.STRONG))
                .isInstanceOf(RuleViolationException.class);
        assertThat(portal.acceptInvitation(second, PortalFixture.STRONG)).isEqualTo(family.contactEmail);
    }

    @Test
    void a_weak_password_is_refused_naming_the_field_and_the_link_keeps_working() {
        PortalFixture family = PortalFixture.create(jdbc, data, "Weak");
        String token = invite(family.clientId);

        assertThatThrownBy(() -> portal.acceptInvitation(token, "password1234"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThat(jdbc.queryForObject("select count(*) from users where client_id = ?", Integer.class,
                family.clientId)).as("nothing half-saved").isZero();
        assertThat(portal.acceptInvitation(token, PortalFixture.STRONG)).isEqualTo(family.contactEmail);
    }

    @Test
    void an_address_that_already_signs_in_as_staff_cannot_be_invited() {
        long client = data.client(TestData.unique("Staff parent"));
        jdbc.update("update clients set billing_contact_email = ? where id = ?", demo.plainTutorEmail(), client);
        signIn.as(demo.adminEmail());

        assertThatThrownBy(() -> invitations.invite(client))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void only_who_manages_the_client_may_invite_its_family() {
        PortalFixture office = PortalFixture.create(jdbc, data, "Office");
        signIn.as(demo.enhancedTutorEmail());
        long own = clients.create(new ClientForm(TestData.unique("Own"), "Olga", TestData.unique("olga")
                + "@example.org", null, false, null, false));

        assertThat(invitations.invite(own)).startsWith("Invitation queued for");
        assertThatThrownBy(() -> invitations.invite(office.clientId)).isInstanceOf(NotFoundException.class);
        signIn.as(demo.plainTutorEmail());
        assertThatThrownBy(() -> invitations.invite(own)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> invitations.status(own)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void disabling_the_portal_login_signs_the_family_out_and_a_new_invitation_lets_them_in_again() {
        PortalFixture family = PortalFixture.create(jdbc, data, "Disabled");
        signedInAs(family);
        assertThat(currentUsers.find()).hasValueSatisfying(user -> assertThat(user.isClient()).isTrue());

        signIn.as(demo.adminEmail());
        invitations.disable(family.clientId);
        assertThat(invitations.status(family.clientId).state()).isEqualTo(ClientLoginService.State.DISABLED);
        signIn.as(family.contactEmail);
        assertThat(currentUsers.find()).as("a disabled login's session no longer counts").isEmpty();

        portal.acceptInvitation(invite(family.clientId), "a different long passphrase");
        assertThat(status(family.clientId).state()).isEqualTo(ClientLoginService.State.ACTIVE);
    }

    @Test
    void a_client_sees_exactly_their_familys_sessions_sent_reports_and_issued_invoices() {
        PortalFixture family = PortalFixture.create(jdbc, data, "Ours");
        PortalFixture other = PortalFixture.create(jdbc, data, "Theirs");
        Instant now = TestClock.START;
        long reported = data.session(family.engagementId, now.minus(Duration.ofDays(3)), 75, "COMPLETED");
        long unsent = data.session(family.engagementId, now.minus(Duration.ofDays(2)), 60, "COMPLETED");
        long upcoming = data.session(family.engagementId, now.plus(Duration.ofDays(2)), 60, "SCHEDULED");
        long theirs = data.session(other.engagementId, now.minus(Duration.ofDays(1)), 60, "COMPLETED");
        data.session(other.engagementId, now.plus(Duration.ofDays(1)), 60, "SCHEDULED");
        data.updateSession(upcoming, "location = ?", "Library, room 2");
        long calledOff = data.session(family.engagementId, now.plus(Duration.ofDays(4)), 60, "CANCELLED");

        signIn.as(demo.adminEmail());
        reports.saveAndSend(reported, 0, new SessionNotes(5, "Worked on factoring; practise problems 1-10.",
                "Parent seemed stressed about fees"));
        reports.save(reported, jdbc.queryForObject("select edited_version from tutoring_sessions where id = ?",
                Long.class, reported), new SessionNotes(5, "An edit nobody sent yet", "Parent seemed stressed about fees"));
        reports.save(unsent, 0, new SessionNotes(4, "Draft the family never received", "private"));
        long issued = issuing.create(new NewInvoice(family.clientId, List.of(reported), List.of(),
                LocalDate.of(2026, 12, 9), NewInvoice.Delivery.SEND_NOW, null));
        long draft = issuing.create(new NewInvoice(family.clientId, List.of(unsent), List.of(),
                LocalDate.of(2026, 12, 9), NewInvoice.Delivery.DRAFT, null));
        long othersInvoice = issuing.create(new NewInvoice(other.clientId, List.of(theirs), List.of(),
                LocalDate.of(2026, 12, 9), NewInvoice.Delivery.SEND_NOW, null));
        signIn.out();

        signedInAs(family);
        assertThat(familySessions.upcoming()).extracting(FamilySession::id).containsExactly(upcoming, calledOff);
        assertThat(familySessions.session(calledOff).status()).isEqualTo(com.tutordesk.session.SessionStatus.CANCELLED);
        FamilySession next = familySessions.upcoming().getFirst();
        assertThat(next.location()).isEqualTo("Library, room 2");
        assertThat(next.tutorName()).isEqualTo(jdbc.queryForObject("select name from tutors where id = ?",
                String.class, family.tutorId));
        assertThat(familySessions.past()).extracting(FamilySession::id).containsExactly(unsent, reported);
        FamilySession withReport = familySessions.session(reported);
        assertThat(withReport.report()).as("the report as emailed, not the later unsent edit")
                .isEqualTo("Worked on factoring; practise problems 1-10.");
        assertThat(withReport.durationMinutes()).isEqualTo(75);
        assertThat(familySessions.session(unsent).report()).as("an unsent report is not the family's").isNull();
        assertThat(FamilySession.class.getRecordComponents()).extracting(c -> c.getName())
                .as("no internal note, wage or earnings can reach a family")
                .noneMatch(name -> name.contains("note") || name.contains("wage") || name.contains("earning"));

        assertThat(familyInvoices.invoices()).extracting(FamilyInvoiceService.Summary::id).containsExactly(issued);
        FamilyInvoiceService.Details invoice = familyInvoices.invoice(issued);
        assertThat(invoice.summary().status()).isEqualTo(InvoiceStatus.OUTSTANDING);
        assertThat(invoice.summary().totalMinor()).isEqualTo(7500);
        assertThat(familyInvoices.pdf(issued)).startsWith("%PDF".getBytes());
        assertThatThrownBy(() -> familyInvoices.invoice(draft)).as("a draft was never sent")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> familyInvoices.invoice(othersInvoice)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> familyInvoices.pdf(othersInvoice)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> familySessions.session(theirs)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> familySessions.session(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_client_login_is_refused_by_every_staff_service() {
        PortalFixture family = PortalFixture.create(jdbc, data, "Nosy");
        long session = data.session(family.engagementId, TestClock.START.minus(Duration.ofDays(1)), 60, "COMPLETED");
        signedInAs(family);

        assertThatThrownBy(() -> clients.list(new ClientService.ListFilter("", null, null, false),
                PageRequest.of(0, 5))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clients.get(family.clientId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> peopleSessions.ofClient(family.clientId, PageRequest.of(0, 5)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> staffSessions.page(session)).as("the staff session page holds the internal note")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.invite(family.clientId)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void emails_to_a_family_with_a_portal_login_link_to_the_record_in_the_portal() {
        PortalFixture member = PortalFixture.create(jdbc, data, "Member");
        PortalFixture outsider = PortalFixture.create(jdbc, data, "Outsider");
        long reported = data.session(member.engagementId, TestClock.START.minus(Duration.ofDays(1)), 60, "COMPLETED");
        long upcoming = data.session(member.engagementId, TestClock.START.plus(Duration.ofHours(10)), 60, "SCHEDULED");
        long outsiders = data.session(outsider.engagementId, TestClock.START.minus(Duration.ofDays(1)), 60,
                "COMPLETED");
        portal.acceptInvitation(invite(member.clientId), PortalFixture.STRONG);

        signIn.as(demo.adminEmail());
        reports.saveAndSend(reported, 0, new SessionNotes(5, "Linked report", null));
        reports.saveAndSend(outsiders, 0, new SessionNotes(5, "Unlinked report", null));
        long invoice = issuing.create(new NewInvoice(member.clientId, List.of(reported), List.of(),
                LocalDate.of(2026, 12, 9), NewInvoice.Delivery.SEND_NOW, null));
        signIn.out();
        reminders.sendDue();

        assertThat(latestBody("SESSION_REPORT", reported)).contains("See it in your portal")
                .contains("/portal/sessions/" + reported);
        assertThat(latestBody("INVOICE", invoice)).contains("/portal/invoices/" + invoice);
        assertThat(jdbc.queryForObject("select text_body from mail_messages where recipients like ? and subject like"
                + " 'Reminder:%' order by id desc limit 1", String.class, "%" + member.contactEmail + "%"))
                .contains("See it in your portal");
        assertThat(latestBody("SESSION_REPORT", outsiders)).as("no login, no link")
                .doesNotContain("See it in your portal");
        assertThat(upcoming).isPositive();
    }

    private String latestBody(String type, long id) {
        return jdbc.queryForObject("select text_body from mail_messages where ref_type = ? and ref_id = ?"
                + " order by id desc limit 1", String.class, type, id);
    }

    @Test
    void a_familys_calendar_feed_has_their_sessions_only_and_stops_with_their_login() {
        PortalFixture family = PortalFixture.create(jdbc, data, "Feed");
        PortalFixture other = PortalFixture.create(jdbc, data, "Other feed");
        long ours = data.session(family.engagementId, TestClock.START.plus(Duration.ofDays(2)), 60, "SCHEDULED");
        long theirs = data.session(other.engagementId, TestClock.START.plus(Duration.ofDays(2)), 60, "SCHEDULED");
        signedInAs(family);
        assertThat(feeds.describeMyFeed()).isEqualTo("your family's sessions");
        String token = feeds.newToken();
        signIn.out();

        String feed = feeds.feed(token).orElseThrow();
        assertThat(feed).contains(CalendarFeedService.uid(ours)).doesNotContain(CalendarFeedService.uid(theirs));
        assertThat(feed).contains("with " + jdbc.queryForObject("select name from tutors where id = ?", String.class,
                family.tutorId));
        signIn.as(demo.adminEmail());
        invitations.disable(family.clientId);
        signIn.out();
        assertThat(feeds.feed(token)).as("a disabled login's feed stops").isEmpty();
    }

    @Test
    void a_family_saves_or_replaces_its_card_through_the_offices_hosted_setup_page() {
        PortalFixture family = PortalFixture.create(jdbc, data, "Card");
        signedInAs(family);
        FamilyCardService.FamilyCard none = familyCards.myCard();
        assertThat(none.card()).isNull();
        assertThat(none.setupLink().getPath()).startsWith("/pay/");

        data.giveCard(family.clientId);
        FamilyCardService.FamilyCard saved = familyCards.myCard();
        assertThat(saved.card().last4()).isEqualTo("4242");
        assertThat(saved.setupLink()).as("the same signed link replaces it").isEqualTo(none.setupLink());
        signIn.as(demo.adminEmail());
        assertThatThrownBy(() -> familyCards.myCard()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_family_switches_autopay_only_where_the_business_allows_it_and_only_with_a_card() {
        PortalFixture family = PortalFixture.create(jdbc, data, "Autopay");
        signIn.as(demo.adminEmail());
        FamilyCardService.AutopaySwitch off = familyCards.autopaySwitch();
        if (off.familiesMaySwitch()) {
            off = familyCards.updateAutopaySwitch(false, off.version());
        }
        long offVersion = off.version();
        signIn.out();
        signedInAs(family);
        try {
            assertThat(familyCards.myCard().maySwitchAutopay()).isFalse();
            assertThatThrownBy(() -> familyCards.setMyAutopay(true)).isInstanceOf(RuleViolationException.class)
                    .hasMessage(FamilyCardService.SWITCH_NOT_ALLOWED);

            signIn.as(demo.adminEmail());
            familyCards.updateAutopaySwitch(true, offVersion);
            signIn.as(family.contactEmail);
            assertThat(familyCards.myCard().maySwitchAutopay()).isTrue();
            assertThatThrownBy(() -> familyCards.setMyAutopay(true)).as("no card yet")
                    .isInstanceOf(RuleViolationException.class);
            data.giveCard(family.clientId);
            familyCards.setMyAutopay(true);
            assertThat(familyCards.myCard().autopay()).isTrue();
            familyCards.setMyAutopay(false);
            assertThat(jdbc.queryForObject("select autopay from clients where id = ?", Boolean.class,
                    family.clientId)).isFalse();
        } finally {
            signIn.as(demo.adminEmail());
            FamilyCardService.AutopaySwitch now = familyCards.autopaySwitch();
            familyCards.updateAutopaySwitch(false, now.version());
        }
    }

    @Test
    void staff_do_not_use_the_family_services() {
        signIn.as(demo.adminEmail());
        assertThatThrownBy(() -> familySessions.upcoming()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> familyInvoices.invoices()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> portal.family()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> prepaid.familyBalances()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_family_sees_the_hours_left_on_its_own_prepaid_packages_and_no_other_familys() {
        PortalFixture family = PortalFixture.create(jdbc, data, "Packages");
        PortalFixture other = PortalFixture.create(jdbc, data, "Other packages");
        signIn.as(demo.adminEmail());
        java.time.LocalDate today = settings.profile().today(clock);
        for (PortalFixture f : List.of(family, other)) {
            long invoice = issuing.create(new com.tutordesk.billing.NewInvoice(f.clientId, List.of(), List.of(),
                    today.plusDays(14), com.tutordesk.billing.NewInvoice.Delivery.SEND_NOW, null,
                    List.of(new com.tutordesk.billing.NewInvoice.PackageLine(f.engagementId, 600, 50_000, null))));
            settlement.markPaid(invoice, new com.tutordesk.billing.ManualPayment(
                    com.tutordesk.billing.PaymentMethod.CASH, today, null));
        }
        signIn.out();

        signedInAs(family);

        assertThat(prepaid.familyBalances()).singleElement().satisfies(balance -> {
            assertThat(balance.studentName()).isEqualTo("Packages student");
            assertThat(balance.minutesBought()).isEqualTo(600);
            assertThat(balance.minutesLeft()).isEqualTo(600);
            assertThat(balance.state()).isEqualTo(com.tutordesk.prepaid.PackageState.ACTIVE);
        });
    }
}
