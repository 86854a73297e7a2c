package com.tutordesk.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.engagement.DuplicateEngagementException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.Html;
import java.math.BigDecimal;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Clients list and client page: who may open them, and the client, student and engagement forms. */
@IntegrationTest
class ClientsViewIT extends SpringBrowserlessTest {

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    DemoAccounts demo;

    @BeforeEach
    void setUp() {
        demo = DemoAccounts.read(jdbc);
        signIn.as(demo.adminEmail());
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    @Test
    void a_tutor_without_enhanced_access_gets_not_found_and_no_menu_entry() {
        signIn.as(demo.plainTutorEmail());
        navigate(TutorView.class.getAnnotation(com.vaadin.flow.router.Route.class).value()
                .replace(":id", String.valueOf(demo.plainTutorId())), TutorView.class);
        assertThat(menuEntries()).doesNotContain("Clients", "Tutors");
        assertThatThrownBy(() -> navigate(ClientsView.class)).isInstanceOf(IllegalArgumentException.class);
        long client = data.client(TestData.unique("Hidden family"));
        assertThatThrownBy(() -> navigate("clients/" + client, ClientView.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_tutor_with_enhanced_access_lists_only_the_clients_they_added() {
        signIn.as(demo.enhancedTutorEmail());
        ClientsView view = navigate(ClientsView.class);
        assertThat(menuEntries()).contains("Clients");
        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(jdbc.queryForObject(
                "select count(*) from clients where added_by_tutor_id = ? and active = true", Integer.class,
                demo.enhancedTutorId()));
    }

    @Test
    void the_add_client_form_shows_its_problems_at_the_fields() {
        ClientsView view = navigate(ClientsView.class);
        test(view.add).click();
        ClientFormLayout form = $(ClientFormLayout.class).single();
        test(form.contactEmail).setValue("mei.example.org");
        test(form.contactPhone).setValue("ring ring");
        Button addClient = $(Button.class, $(Dialog.class).single()).withText("Add client").single();
        assertThat(addClient.isDisableOnClick()).as("a double click must not add the client twice").isTrue();
        test(addClient).click();
        assertThat(addClient.isEnabled()).as("on again to fix the form").isTrue();
        assertThat(form.name.getErrorMessage()).isEqualTo("Client name is required");
        assertThat(form.contactName.getErrorMessage()).isEqualTo("Billing contact name is required");
        assertThat(form.contactEmail.getErrorMessage()).isEqualTo("Email must be a valid address such as name@example.org");
        assertThat(form.contactPhone.isInvalid()).isTrue();

        test(form.studentPays).click();
        assertThat(form.contactName.getLabel()).isEqualTo("Student's name");
        test(form.name).setValue("Grace Park");
        test(form.contactName).setValue("Grace Park");
        test(form.contactEmail).setValue(TestData.unique("grace") + "@example.org");
        test(form.contactPhone).setValue("");
        test($(Button.class, $(Dialog.class).single()).withText("Add client").single()).click();
        ClientView page = (ClientView) getCurrentView();
        assertThat(test(page.students).size()).isOne();
    }

    @Test
    void a_client_name_over_120_characters_is_kept_whole_and_refused_at_the_field() {
        ClientsView view = navigate(ClientsView.class);
        test(view.add).click();
        ClientFormLayout form = $(ClientFormLayout.class).single();
        // Issue 12: the input had maxlength 120, so the browser cut a longer name without a word.
        assertThat(form.name.getMaxLength()).isZero();
        String longName = "The " + "Montgomery-Fitzgerald ".repeat(6) + "family";
        assertThat(longName.length()).isGreaterThan(120);
        test(form.name).setValue(longName);
        test(form.contactName).setValue("Ann Montgomery");
        test(form.contactEmail).setValue(TestData.unique("ann") + "@example.org");
        test($(Button.class, $(Dialog.class).single()).withText("Add client").single()).click();
        assertThat(form.name.getValue()).isEqualTo(longName);
        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.name.getErrorMessage()).isEqualTo("Client name must be at most 120 characters: shorten it");
        assertThat(jdbc.queryForObject("select count(*) from clients where name like 'The Montgomery-Fitzgerald%'",
                Integer.class)).isZero();
    }

    @Test
    void the_student_form_checks_name_and_email_and_adds_the_student() {
        long client = data.client(TestData.unique("Student family"));
        ClientView page = navigate("clients/" + client, ClientView.class);
        test(page.addStudent).click();
        StudentDialog dialog = $(StudentDialog.class).single();
        test(dialog.email).setValue("kid@");
        assertThat(dialog.save.isDisableOnClick()).isTrue();
        test(dialog.save).click();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("Student name is required");
        assertThat(dialog.email.getErrorMessage()).isEqualTo("Student email must be a valid address such as name@example.org");
        test(dialog.name).setValue("Liam Chen");
        test(dialog.email).setValue("");
        test(dialog.gradeLevel).setValue("Grade 9");
        test(dialog.save).click();
        assertThat(test(page.students).size()).isOne();
        assertThat(test(page.students).getRow(0).name()).isEqualTo("Liam Chen");

        test(page.addStudent).click();
        StudentDialog again = $(StudentDialog.class).single();
        test(again.name).setValue("liam chen");
        test(again.save).click();
        assertThat(again.name.getErrorMessage()).isEqualTo("This client already has a student named liam chen");
    }

    @Test
    void the_engagement_form_accepts_only_the_currencys_precision_and_points_at_a_duplicate() {
        long client = data.client(TestData.unique("Rate family"));
        long student = data.student(client, "Rae Rate");
        long tutor = data.tutor("Rate Tutor");
        long subject = data.subject();
        long existing = data.engagement(tutor, student, subject, 7000, 4000);
        ClientView page = navigate("clients/" + client, ClientView.class);
        test(page.newEngagement).click();
        EngagementDialog dialog = $(EngagementDialog.class).single();
        dialog.clientRate.setValue(new BigDecimal("45.005"));
        dialog.tutorWage.setValue(new BigDecimal("-1"));
        test(dialog.create).click();
        assertThat(dialog.tutor.getErrorMessage()).isEqualTo("Tutor is required");
        assertThat(dialog.clientRate.getErrorMessage()).isEqualTo("USD amounts allow at most 2 decimal places");
        assertThat(dialog.tutorWage.getErrorMessage()).isEqualTo("Tutor wage must not be negative");
        dialog.tutorWage.setValue(new BigDecimal("100000.01"));
        test(dialog.create).click();
        assertThat(dialog.tutorWage.getErrorMessage()).isEqualTo("Tutor wage must be at most $100,000.00 per hour");

        dialog.tutor.setValue(dialog.tutor.getListDataView().getItems().filter(t -> t.id() == tutor).findFirst()
                .orElseThrow());
        dialog.student.setValue(test(dialog.student).getSuggestionItems().stream().filter(s -> s.id() == student)
                .findFirst().orElseThrow());
        dialog.subject.setValue(dialog.subject.getListDataView().getItems().filter(s -> s.id() == subject).findFirst()
                .orElseThrow());
        dialog.clientRate.setValue(new BigDecimal("45.00"));
        dialog.tutorWage.setValue(new BigDecimal("27.50"));
        test(dialog.create).click();
        assertThat(dialog.duplicate.isVisible()).isTrue();
        assertThat(dialog.duplicate.getElement().getTextRecursively()).contains("engagement #" + existing)
                .contains("Open the existing engagement");
        assertThat(DuplicateEngagementException.class).isNotNull();
    }

    @Test
    void the_client_page_shows_the_history_of_its_details_with_who_changed_them() {
        long client = data.client(TestData.unique("History family"));
        ClientView page = navigate("clients/" + client, ClientView.class);
        assertThat(page.history.isVisible()).as("nothing changed yet").isFalse();

        test(page.form.contactPhone).setValue("+1 212 555 0100");
        test(page.form.address).setValue("12 Elm Street");
        test(page.save).click();

        assertThat(page.history.isVisible()).isTrue();
        assertThat(test(page.history).size()).isEqualTo(2);
        String admin = jdbc.queryForObject("select display_name from users where email = ?", String.class,
                demo.adminEmail());
        for (int row = 0; row < 2; row++) {
            com.tutordesk.people.ClientHistoryRow change = test(page.history).getRow(row);
            assertThat(change.actor()).isEqualTo(admin);
            assertThat(change.oldValue()).isNull();
        }
        assertThat(test(page.history).getCellText(0, 0)).as("when, in the business's zone").isNotBlank();
        assertThat(test(page.history).getCellText(0, 3)).isEqualTo("(empty)");
    }

    /** @return the side menu's entries as the browser shows them (the menu is one HTML component) */
    private List<String> menuEntries() {
        return Jsoup.parse($(Html.class).id("side-menu").getInnerHtml()).select("vaadin-side-nav-item").eachText();
    }
}
