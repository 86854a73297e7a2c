package com.tutordesk.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.security.ui.TemporaryPasswordDialog;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Tutors list, the add-tutor form's messages, and the tutor page per role. */
@IntegrationTest
class TutorsViewIT extends SpringBrowserlessTest {

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

    private TutorFormLayout openAddDialog() {
        TutorsView view = navigate(TutorsView.class);
        test(view.add).click();
        return $(TutorFormLayout.class).single();
    }

    private void clickSave() {
        Dialog dialog = $(Dialog.class).single();
        test($(Button.class, dialog).withText("Add tutor").single()).click();
    }

    @Test
    void the_add_form_shows_each_problem_at_its_field_and_saves_nothing() {
        TutorFormLayout form = openAddDialog();
        test(form.email).setValue("not-an-email");
        test(form.phone).setValue("call me maybe");
        clickSave();
        assertThat(form.name.getErrorMessage()).isEqualTo("Name is required");
        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.email.getErrorMessage()).isEqualTo("Email must be a valid address such as name@example.org");
        assertThat(form.phone.getErrorMessage())
                .isEqualTo("Phone may contain only digits, spaces, + - ( ) . / and an extension");
        assertThat($(Dialog.class).all()).hasSize(1);
    }

    @Test
    void an_email_another_tutor_has_is_refused_at_the_field() {
        String taken = jdbc.queryForObject("select email from tutors where id = ?", String.class, demo.plainTutorId());
        TutorFormLayout form = openAddDialog();
        test(form.name).setValue("Copy Cat");
        test(form.email).setValue(taken);
        clickSave();
        assertThat(form.email.isInvalid()).isTrue();
        assertThat(form.email.getErrorMessage()).isEqualTo("Another tutor already has the email " + taken);
    }

    @Test
    void a_valid_tutor_is_added_and_their_page_opens() {
        TutorFormLayout form = openAddDialog();
        test(form.name).setValue("Rosa Quintero");
        test(form.email).setValue(TestData.unique("rosa") + "@example.org");
        clickSave();
        assertThat(getCurrentView()).isInstanceOf(TutorView.class);
        assertThat(((TutorView) getCurrentView()).title.getText()).isEqualTo("Rosa Quintero");
    }

    @Test
    void an_admin_creates_a_login_and_sees_the_temporary_password_once() {
        long tutor = data.tutor("Login Tutor");
        TutorView view = navigate("tutors/" + tutor, TutorView.class);
        test($(Button.class, view.login).withText("Create login").single()).click();
        TemporaryPasswordDialog dialog = $(TemporaryPasswordDialog.class).single();
        assertThat(dialog.shownPassword()).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
        assertThat(jdbc.queryForObject("select must_change_password from users where tutor_id = ?", Boolean.class,
                tutor)).isTrue();
    }

    @Test
    void a_plain_tutor_sees_their_own_page_without_client_rates_and_no_one_elses() {
        signIn.as(demo.plainTutorEmail());
        navigate(MyEngagementsView.class.getAnnotation(com.vaadin.flow.router.Route.class).value(), TutorView.class);
        TutorView view = (TutorView) getCurrentView();
        assertThat(view.engagementGrid.getColumnByKey("clientRate")).isNull();
        assertThat(view.engagementGrid.getColumnByKey("client").isVisible()).isFalse();
        assertThat(view.save.isVisible()).isFalse();
        assertThat(test(view.engagementGrid).size()).isPositive();
        assertThatThrownBy(() -> navigate("tutors/" + demo.enhancedTutorId(), TutorView.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tutors_cannot_open_the_tutors_list() {
        signIn.as(demo.enhancedTutorEmail());
        assertThatThrownBy(() -> navigate(TutorsView.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
