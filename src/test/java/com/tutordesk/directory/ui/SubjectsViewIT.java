package com.tutordesk.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Subjects page: messages at the field for blank and duplicate names; add and rename. */
@IntegrationTest
class SubjectsViewIT extends SpringBrowserlessTest {

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        signIn.as(DemoAccounts.read(jdbc).adminEmail());
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    @Test
    void a_blank_name_is_refused_at_the_field() {
        SubjectsView view = navigate(SubjectsView.class);
        test(view.newName).setValue("   ");
        test(view.add).click();
        assertThat(view.newName.isInvalid()).isTrue();
        assertThat(view.newName.getErrorMessage()).isEqualTo("Subject name is required");
    }

    @Test
    void an_admin_adds_a_subject_and_a_duplicate_is_refused_at_the_field() {
        SubjectsView view = navigate(SubjectsView.class);
        String name = TestData.unique("Calculus");
        test(view.newName).setValue(name);
        test(view.add).click();
        assertThat(view.newName.getValue()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from subjects where name = ?", Integer.class, name)).isOne();
        var grid = test(view.grid);
        assertThat(java.util.stream.IntStream.range(0, grid.size()).mapToObj(i -> grid.getRow(i).name()))
                .contains(name);

        test(view.newName).setValue(name.toLowerCase());
        test(view.add).click();
        assertThat(view.newName.isInvalid()).isTrue();
        assertThat(view.newName.getErrorMessage()).isEqualTo("A subject named \"" + name.toLowerCase()
                + "\" already exists");
    }

    @Test
    void renaming_to_a_blank_name_keeps_the_dialog_open_with_the_message() {
        SubjectsView view = navigate(SubjectsView.class);
        test(view.newName).setValue(TestData.unique("Biology"));
        test(view.add).click();
        var row = test(view.grid).getRow(0);
        view.openRename(row);
        roundTrip();
        test(view.renameField).setValue("");
        test(view.renameSave).click();
        assertThat(view.renameField.isInvalid()).isTrue();
        assertThat(view.renameField.getErrorMessage()).isEqualTo("Subject name is required");
    }

    @Test
    void a_tutor_cannot_open_the_subjects_page() {
        signIn.as(DemoAccounts.read(jdbc).enhancedTutorEmail());
        assertThatThrownBy(() -> navigate(SubjectsView.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
