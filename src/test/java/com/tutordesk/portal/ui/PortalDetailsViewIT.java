package com.tutordesk.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.people.ClientDetails;
import com.tutordesk.people.ClientForm;
import com.tutordesk.people.ClientService;
import com.tutordesk.portal.PortalEmailChangeService;
import com.tutordesk.portal.PortalFixture;
import com.tutordesk.portal.PortalInvitationService;
import com.tutordesk.portal.PortalService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Your details" on the family's home and the confirm-new-email page (issue 18), through the real
 * views: what a parent types, what they are told, and what is saved.
 */
@IntegrationTest
class PortalDetailsViewIT extends SpringBrowserlessTest {

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
    ClientService clients;
    @Autowired
    com.tutordesk.billing.InvoiceIssuingService issuing;
    @Autowired
    com.tutordesk.billing.InvoiceSettlementService settlement;

    DemoAccounts demo;
    PortalFixture family;

    @BeforeEach
    void setUp() {
        clock.reset();
        demo = DemoAccounts.read(jdbc);
        family = PortalFixture.create(jdbc, data, "Details view");
        signIn.as(demo.adminEmail());
        invitations.invite(family.clientId);
        signIn.out();
        portal.acceptInvitation(PortalFixture.latestInvitationToken(jdbc, family.clientId), PortalFixture.STRONG);
        signIn.as(family.contactEmail);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        clock.reset();
    }

    private String phoneInDatabase() {
        return jdbc.queryForObject("select billing_contact_phone from clients where id = ?", String.class,
                family.clientId);
    }

    @Test
    void the_home_lists_each_payment_on_one_line_and_says_when_there_are_no_prepaid_hours() {
        long session = data.session(family.engagementId, TestClock.START.minus(java.time.Duration.ofDays(3)), 60,
                "COMPLETED");
        signIn.as(demo.adminEmail());
        long invoice = issuing.create(new com.tutordesk.billing.NewInvoice(family.clientId, java.util.List.of(session),
                java.util.List.of(), java.time.LocalDate.of(2026, 12, 9), com.tutordesk.billing.NewInvoice.Delivery.SEND_NOW,
                null));
        settlement.markPaid(invoice, new com.tutordesk.billing.ManualPayment(com.tutordesk.billing.PaymentMethod.CHEQUE,
                java.time.LocalDate.ofInstant(TestClock.START, java.time.ZoneOffset.UTC).minusDays(1), "Cheque 1042"));
        String number = jdbc.queryForObject("select number from invoices where id = ?", String.class, invoice);
        signIn.as(family.contactEmail);

        navigate(PortalHomeView.class);
        java.util.List<String> payments = $(com.vaadin.flow.component.html.Div.class).all().stream()
                .filter(div -> div.getClassNames().contains("portal-payment"))
                .map(div -> div.getElement().getTextRecursively()).toList();
        assertThat(payments).hasSize(1);
        assertThat(payments.getFirst()).contains("Cheque", number).doesNotContain("(undone)");
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).all().stream()
                .map(com.vaadin.flow.component.html.Paragraph::getText)).contains("No prepaid packages.");
    }

    @Test
    void a_parent_corrects_the_phone_and_a_malformed_phone_is_refused_at_the_phone_field() {
        navigate(PortalHomeView.class);
        PortalDetailsSection details = $(PortalDetailsSection.class).single();

        test(details.phone).setValue("call me");
        test(details.save).click();
        assertThat(details.phone.isInvalid()).isTrue();
        assertThat(details.phone.getErrorMessage()).startsWith("Phone may contain only digits");
        assertThat(phoneInDatabase()).isNull();

        test(details.phone).setValue("+1 212 555 0100");
        test(details.name).setValue("");
        test(details.save).click();
        assertThat(details.name.getErrorMessage()).isEqualTo("Your name is required");
        assertThat(details.phone.isInvalid()).isFalse();

        test(details.name).setValue("Mira Okafor");
        test(details.save).click();
        assertThat(details.name.isInvalid()).isFalse();
        assertThat(phoneInDatabase()).isEqualTo("+1 212 555 0100");

        navigate(PortalHomeView.class);
        assertThat($(PortalDetailsSection.class).single().phone.getValue()).isEqualTo("+1 212 555 0100");
    }

    @Test
    void an_office_edit_made_meanwhile_is_not_overwritten_and_the_parent_is_told_to_reload() {
        navigate(PortalHomeView.class);
        PortalDetailsSection details = $(PortalDetailsSection.class).single();
        signIn.as(demo.adminEmail());
        ClientDetails client = clients.get(family.clientId);
        ClientForm form = client.form();
        clients.update(family.clientId, client.version(), new ClientForm(form.name(), form.contactName(),
                form.contactEmail(), "555 0123", form.studentPays(), form.address(), form.autopay()));
        signIn.as(family.contactEmail);

        test(details.phone).setValue("555 0999");
        test(details.save).click();

        assertThat(details.problem.isVisible()).isTrue();
        assertThat(details.problem.getText()).isEqualTo(PortalDetailsSection.CHANGED_MEANWHILE);
        assertThat(phoneInDatabase()).isEqualTo("555 0123");
    }

    @Test
    void a_parent_asks_for_a_new_email_is_told_the_link_is_queued_and_confirms_it_on_the_links_page() {
        navigate(PortalHomeView.class);
        PortalDetailsSection details = $(PortalDetailsSection.class).single();
        String newEmail = TestData.unique("view").toLowerCase() + "@example.org";

        test(details.newEmail).setValue(newEmail);
        test(details.sendLink).click();

        assertThat(details.emailState.getText()).startsWith("Confirmation link queued for " + newEmail + ".")
                .contains("until then you keep using " + family.contactEmail);
        navigate(PortalHomeView.class);
        assertThat($(PortalDetailsSection.class).single().emailState.getText()).startsWith("Waiting for you to"
                + " confirm " + newEmail);

        signIn.out();
        String body = jdbc.queryForObject("select text_body from mail_messages where ref_type = ? and ref_id = ?"
                + " order by id desc limit 1", String.class, PortalEmailChangeService.MAIL_REFERENCE, family.clientId);
        Matcher link = Pattern.compile("/(portal/email/[A-Za-z0-9_-]{43})").matcher(body);
        assertThat(link.find()).isTrue();
        ConfirmEmailView page = navigate(link.group(1), ConfirmEmailView.class);
        assertThat(page.card.getElement().getTextRecursively()).contains("Make " + newEmail + " your family's email");
        assertThat(jdbc.queryForObject("select email from users where client_id = ?", String.class, family.clientId))
                .as("opening the link changes nothing").isEqualTo(family.contactEmail);

        test(page.confirm).click();

        assertThat(page.card.getElement().getTextRecursively()).contains("your family's email is now " + newEmail);
        assertThat(jdbc.queryForObject("select email from users where client_id = ?", String.class, family.clientId))
                .isEqualTo(newEmail);
        ConfirmEmailView again = navigate(link.group(1), ConfirmEmailView.class);
        assertThat(again.card.getElement().getTextRecursively()).contains("has expired, was already used");
    }
}
