package com.tutordesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.people.ClientDetails;
import com.tutordesk.people.ClientField;
import com.tutordesk.people.ClientForm;
import com.tutordesk.people.ClientHistoryRow;
import com.tutordesk.people.ClientService;
import com.tutordesk.people.ContactCorrection;
import com.tutordesk.people.FamilyContact;
import com.tutordesk.people.FamilyContactService;
import com.tutordesk.security.ClientSignInEmailService;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * "Contact details they may correct … changes are recorded on the client's history" (issue 18), on
 * MariaDB: a family corrects its name, phone and address at once; its email only through a one-time
 * link to the new address, after which it signs in with the new address and not the old; every change,
 * the office's too, is on the client's history with who made it.
 */
@IntegrationTest
class FamilyDetailsIT {

    private static final Pattern CONFIRM_LINK = Pattern.compile(
            "/" + PortalEmailChangeService.CONFIRM_PATH + "([A-Za-z0-9_-]{43})");

    @Autowired
    FamilyContactService contacts;
    @Autowired
    PortalEmailChangeService emailChanges;
    @Autowired
    PortalInvitationService invitations;
    @Autowired
    PortalService portal;
    @Autowired
    ClientService clients;
    @Autowired
    AuthenticationManager authentication;
    @Autowired
    SignIn signIn;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

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

    /** A family with an accepted invitation, signed in. */
    private PortalFixture signedIn(String name) {
        PortalFixture family = PortalFixture.create(jdbc, data, name);
        signIn.as(demo.adminEmail());
        invitations.invite(family.clientId);
        signIn.out();
        portal.acceptInvitation(PortalFixture.latestInvitationToken(jdbc, family.clientId), PortalFixture.STRONG);
        signIn.as(family.contactEmail);
        return family;
    }

    private List<ClientHistoryRow> historyAsAdmin(long clientId) {
        signIn.as(demo.adminEmail());
        try {
            return clients.history(clientId);
        } finally {
            signIn.out();
        }
    }

    private String latestConfirmToken(long clientId) {
        String body = jdbc.queryForObject("select text_body from mail_messages where ref_type = ? and ref_id = ?"
                + " and subject like 'Confirm%' order by id desc limit 1", String.class,
                PortalEmailChangeService.MAIL_REFERENCE, clientId);
        Matcher matcher = CONFIRM_LINK.matcher(body);
        assertThat(matcher.find()).as("a confirmation link in: " + body).isTrue();
        return matcher.group(1);
    }

    private boolean signsIn(String email) {
        try {
            return authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email,
                    PortalFixture.STRONG)).isAuthenticated();
        } catch (BadCredentialsException refused) {
            return false;
        }
    }

    @Test
    void a_family_corrects_its_name_phone_and_address_at_once_and_the_history_names_the_family() {
        PortalFixture family = signedIn("Corrects");
        FamilyContact before = contacts.mine();

        FamilyContact after = contacts.correct(family.clientId, before.version(),
                new ContactCorrection("  Mira Okafor ", "+1 (212) 555-0100", "12 Elm Street\nSpringfield"));

        assertThat(after.contactName()).isEqualTo("Mira Okafor");
        assertThat(after.phone()).isEqualTo("+1 (212) 555-0100");
        assertThat(after.address()).isEqualTo("12 Elm Street\nSpringfield");
        assertThat(after.version()).isGreaterThan(before.version());
        assertThat(contacts.mine()).isEqualTo(after);
        signIn.out();
        List<ClientHistoryRow> history = historyAsAdmin(family.clientId);
        assertThat(history).extracting(ClientHistoryRow::field).containsExactlyInAnyOrder(ClientField.CONTACT_NAME,
                ClientField.CONTACT_PHONE, ClientField.ADDRESS);
        assertThat(history).allSatisfy(row -> {
            assertThat(row.actor()).isEqualTo("the family, in the portal");
            assertThat(row.changedAt()).isEqualTo(TestClock.START);
        });
        ClientHistoryRow name = history.stream().filter(r -> r.field() == ClientField.CONTACT_NAME).findFirst()
                .orElseThrow();
        assertThat(name.oldValue()).isEqualTo(before.contactName());
        assertThat(name.newValue()).isEqualTo("Mira Okafor");
        ClientHistoryRow phone = history.stream().filter(r -> r.field() == ClientField.CONTACT_PHONE).findFirst()
                .orElseThrow();
        assertThat(phone.oldValue()).isNull();
    }

    @Test
    void saving_unchanged_details_adds_nothing_to_the_history() {
        PortalFixture family = signedIn("Unchanged");
        FamilyContact now = contacts.mine();
        contacts.correct(family.clientId, now.version(), new ContactCorrection(now.contactName(), "", null));
        signIn.out();
        assertThat(historyAsAdmin(family.clientId)).isEmpty();
    }

    @Test
    void a_staff_edit_appears_in_the_history_with_the_staff_member_newest_first() {
        PortalFixture family = signedIn("Staff edit");
        FamilyContact mine = contacts.mine();
        contacts.correct(family.clientId, mine.version(), new ContactCorrection(mine.contactName(), "555 0101", null));
        signIn.out();
        clock.advance(Duration.ofHours(2));

        signIn.as(demo.adminEmail());
        ClientDetails client = clients.get(family.clientId);
        ClientForm form = client.form();
        clients.update(family.clientId, client.version(), new ClientForm(form.name(), form.contactName(),
                form.contactEmail(), "555 0199", form.studentPays(), "1 Office Road", form.autopay()));
        String adminName = jdbc.queryForObject("select display_name from users where email = ?", String.class,
                demo.adminEmail());
        List<ClientHistoryRow> history = clients.history(family.clientId);

        assertThat(history).hasSize(3);
        assertThat(history.get(0).changedAt()).isEqualTo(TestClock.START.plus(Duration.ofHours(2)));
        assertThat(history.subList(0, 2)).extracting(ClientHistoryRow::actor).containsOnly(adminName);
        assertThat(history.subList(0, 2)).extracting(ClientHistoryRow::field)
                .containsExactlyInAnyOrder(ClientField.CONTACT_PHONE, ClientField.ADDRESS);
        ClientHistoryRow phone = history.stream().filter(r -> r.field() == ClientField.CONTACT_PHONE
                && !r.byFamily()).findFirst().orElseThrow();
        assertThat(phone.oldValue()).isEqualTo("555 0101");
        assertThat(phone.newValue()).isEqualTo("555 0199");
        assertThat(history.get(2).actor()).isEqualTo(ClientHistoryRow.FAMILY);
    }

    @Test
    void a_correction_over_an_office_edit_made_meanwhile_is_refused_not_applied() {
        PortalFixture family = signedIn("Meanwhile");
        FamilyContact read = contacts.mine();
        signIn.out();
        signIn.as(demo.adminEmail());
        ClientDetails client = clients.get(family.clientId);
        ClientForm form = client.form();
        clients.update(family.clientId, client.version(), new ClientForm(form.name(), form.contactName(),
                form.contactEmail(), "555 0123", form.studentPays(), form.address(), form.autopay()));
        signIn.out();
        signIn.as(family.contactEmail);

        assertThatThrownBy(() -> contacts.correct(family.clientId, read.version(),
                new ContactCorrection(read.contactName(), "555 0999", null)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(contacts.mine().phone()).isEqualTo("555 0123");
    }

    @Test
    void validation_messages_name_the_field() {
        PortalFixture family = signedIn("Validation");
        long version = contacts.mine().version();

        assertThatThrownBy(() -> contacts.correct(family.clientId, version, new ContactCorrection("  ", null, null)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("contactName");
                    assertThat(e.getMessage()).isEqualTo("Your name is required");
                });
        assertThatThrownBy(() -> contacts.correct(family.clientId, version, new ContactCorrection("x".repeat(121),
                null, null))).isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("contactName");
                    assertThat(e.getMessage()).isEqualTo("Your name must be at most 120 characters");
                });
        assertThatThrownBy(() -> contacts.correct(family.clientId, version, new ContactCorrection("Ann",
                "call me maybe", null))).isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("contactPhone");
                    assertThat(e.getMessage()).startsWith("Phone may contain only digits");
                });
        assertThatThrownBy(() -> contacts.correct(family.clientId, version, new ContactCorrection("Ann", null,
                "y".repeat(501)))).isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("address");
                    assertThat(e.getMessage()).isEqualTo("Address must be at most 500 characters");
                });
        assertThatThrownBy(() -> emailChanges.request(family.clientId, "not-an-address"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.getMessage()).startsWith("New email must be a valid address");
                });
        assertThatThrownBy(() -> emailChanges.request(family.clientId, family.contactEmail.toUpperCase()))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("This is already your email"));
        assertThat(contacts.mine().version()).as("nothing was half-saved").isEqualTo(version);
    }

    @Test
    void another_familys_client_id_is_refused_as_not_found() {
        PortalFixture other = PortalFixture.create(jdbc, data, "Other family");
        PortalFixture family = signedIn("Own family");
        long version = contacts.mine().version();

        assertThatThrownBy(() -> contacts.correct(other.clientId, version, new ContactCorrection("Eve", null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> emailChanges.request(other.clientId, "eve@example.org"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> emailChanges.pending(other.clientId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> clients.history(family.clientId)).as("the staff history is not a family's")
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from client_changes where client_id = ?", Long.class,
                other.clientId)).isZero();
    }

    @Test
    void an_email_change_takes_effect_only_when_the_link_is_used_and_then_the_family_signs_in_with_the_new_email() {
        PortalFixture family = signedIn("New email");
        String newEmail = TestData.unique("new").toLowerCase() + "@example.org";

        String outcome = emailChanges.request(family.clientId, newEmail);

        assertThat(outcome).isEqualTo("Confirmation link queued for " + newEmail);
        assertThat(jdbc.queryForObject("select recipients from mail_messages where ref_type = ? and ref_id = ?"
                + " order by id desc limit 1", String.class, PortalEmailChangeService.MAIL_REFERENCE,
                family.clientId)).isEqualTo(newEmail);
        assertThat(emailChanges.pending(family.clientId)).hasValueSatisfying(p -> assertThat(p.newEmail())
                .isEqualTo(newEmail));
        assertThat(contacts.mine().contactEmail()).as("nothing changes before the link is used")
                .isEqualTo(family.contactEmail);
        signIn.out();
        assertThat(signsIn(family.contactEmail)).isTrue();
        assertThat(signsIn(newEmail)).isFalse();

        String token = latestConfirmToken(family.clientId);
        assertThat(emailChanges.preview(token)).hasValueSatisfying(p -> assertThat(p.newEmail()).isEqualTo(newEmail));
        assertThat(emailChanges.confirm(token)).as("confirmed without signing in: the token is the key")
                .isEqualTo(newEmail);

        assertThat(signsIn(newEmail)).isTrue();
        assertThat(signsIn(family.contactEmail)).isFalse();
        assertThat(jdbc.queryForObject("select billing_contact_email from clients where id = ?", String.class,
                family.clientId)).isEqualTo(newEmail);
        assertThat(jdbc.queryForObject("select email from users where client_id = ?", String.class,
                family.clientId)).isEqualTo(newEmail);
        assertThat(jdbc.queryForObject("select count(*) from mail_messages where ref_type = ? and ref_id = ?"
                + " and recipients = ? and subject like '%was changed'", Long.class,
                PortalEmailChangeService.MAIL_REFERENCE, family.clientId, family.contactEmail))
                .as("the old address is told").isEqualTo(1L);
        List<ClientHistoryRow> history = historyAsAdmin(family.clientId);
        assertThat(history).singleElement().satisfies(row -> {
            assertThat(row.field()).isEqualTo(ClientField.CONTACT_EMAIL);
            assertThat(row.oldValue()).isEqualTo(family.contactEmail);
            assertThat(row.newValue()).isEqualTo(newEmail);
            assertThat(row.actor()).isEqualTo(ClientHistoryRow.FAMILY);
        });
    }

    @Test
    void a_confirmation_link_works_once() {
        PortalFixture family = signedIn("Once");
        String newEmail = TestData.unique("once").toLowerCase() + "@example.org";
        emailChanges.request(family.clientId, newEmail);
        signIn.out();
        String token = latestConfirmToken(family.clientId);
        emailChanges.confirm(token);

        assertThat(emailChanges.preview(token)).isEmpty();
        assertThatThrownBy(() -> emailChanges.confirm(token)).isInstanceOf(RuleViolationException.class)
                .hasMessage(ClientSignInEmailService.LINK_NOT_USABLE);
        assertThat(historyAsAdmin(family.clientId)).hasSize(1);
    }

    @Test
    void a_confirmation_link_expires_after_24_hours_and_a_newer_link_replaces_an_older_one() {
        PortalFixture family = signedIn("Expires");
        emailChanges.request(family.clientId, TestData.unique("first").toLowerCase() + "@example.org");
        String first = latestConfirmToken(family.clientId);
        assertThatThrownBy(() -> emailChanges.request(family.clientId, "again@example.org"))
                .as("one link a minute").isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("email"));
        clock.advance(Duration.ofMinutes(2));
        String secondEmail = TestData.unique("second").toLowerCase() + "@example.org";
        emailChanges.request(family.clientId, secondEmail);
        String second = latestConfirmToken(family.clientId);
        signIn.out();

        assertThatThrownBy(() -> emailChanges.confirm(first)).as("replaced by the newer link")
                .isInstanceOf(RuleViolationException.class);
        clock.advance(Duration.ofHours(24));
        assertThat(emailChanges.preview(second)).isEmpty();
        assertThatThrownBy(() -> emailChanges.confirm(second)).isInstanceOf(RuleViolationException.class)
                .hasMessage(ClientSignInEmailService.LINK_NOT_USABLE);
        assertThat(jdbc.queryForObject("select billing_contact_email from clients where id = ?", String.class,
                family.clientId)).isEqualTo(family.contactEmail);
        assertThat(signsIn(family.contactEmail)).isTrue();
    }

    @Test
    void confirming_an_address_that_another_login_uses_fails_clearly_and_changes_nothing() {
        PortalFixture family = signedIn("Taken");
        emailChanges.request(family.clientId, demo.adminEmail());
        signIn.out();
        String token = latestConfirmToken(family.clientId);

        assertThatThrownBy(() -> emailChanges.confirm(token)).isInstanceOf(RuleViolationException.class)
                .hasMessageStartingWith(demo.adminEmail().toLowerCase() + " already signs in to another login");
        assertThat(jdbc.queryForObject("select billing_contact_email from clients where id = ?", String.class,
                family.clientId)).isEqualTo(family.contactEmail);
        assertThat(historyAsAdmin(family.clientId)).isEmpty();
    }

    @Test
    void disabling_the_portal_login_stops_an_open_confirmation_link() {
        PortalFixture family = signedIn("Disabled");
        emailChanges.request(family.clientId, TestData.unique("dis").toLowerCase() + "@example.org");
        signIn.out();
        String token = latestConfirmToken(family.clientId);
        signIn.as(demo.adminEmail());
        invitations.disable(family.clientId);
        signIn.out();

        assertThatThrownBy(() -> emailChanges.confirm(token)).isInstanceOf(RuleViolationException.class)
                .hasMessage(ClientSignInEmailService.LINK_NOT_USABLE);
    }
}
