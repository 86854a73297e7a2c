package com.tutordesk.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/** Subjects: list, add, rename (unique names), deactivate, and delete only while unused. */
@IntegrationTest
class SubjectServiceIT {

    @Autowired
    SubjectService subjects;

    @Autowired
    SignIn signIn;

    @Autowired
    TestData data;

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

    private SubjectRow row(long id) {
        return subjects.list(true).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    @Test
    void an_admin_adds_renames_and_deletes_an_unused_subject() {
        String name = TestData.unique("Organic Chemistry");
        long id = subjects.create("  " + name + "  ");
        assertThat(row(id).name()).isEqualTo(name);
        assertThat(row(id).deletable()).isTrue();

        subjects.rename(id, row(id).version(), name + " II");
        assertThat(row(id).name()).isEqualTo(name + " II");

        subjects.delete(id);
        assertThat(subjects.list(true)).noneMatch(r -> r.id() == id);
    }

    @Test
    void subject_names_are_unique_whatever_their_case() {
        String name = TestData.unique("Geometry");
        long id = subjects.create(name);
        assertThatThrownBy(() -> subjects.create(name.toUpperCase())).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("already exists");
        long other = subjects.create(name + " Honors");
        assertThatThrownBy(() -> subjects.rename(other, row(other).version(), name.toLowerCase()))
                .isInstanceOf(InvalidFieldException.class);
        subjects.rename(id, row(id).version(), name.toLowerCase());
        assertThat(row(id).name()).isEqualTo(name.toLowerCase());
    }

    @Test
    void blank_and_overlong_names_are_refused() {
        assertThatThrownBy(() -> subjects.create("  ")).hasMessage("Subject name is required");
        assertThatThrownBy(() -> subjects.create("x".repeat(Subject.NAME_MAX_LENGTH + 1)))
                .hasMessage("Subject name must be at most 80 characters");
    }

    @Test
    void a_subject_in_use_is_deactivated_never_deleted() {
        long subject = data.subject();
        long tutor = data.tutor("Subject Tutor");
        long client = data.client("Subject Family");
        long student = data.student(client, "Sam Subject");
        data.engagement(tutor, student, subject, 7000, 4000);

        assertThat(row(subject).engagements()).isEqualTo(1);
        assertThatThrownBy(() -> subjects.delete(subject)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("1 engagement").hasMessageContaining("deactivate it");
        subjects.setActive(subject, row(subject).version(), false);
        assertThat(row(subject).active()).isFalse();
        assertThat(subjects.list(false)).noneMatch(r -> r.id() == subject);
        subjects.setActive(subject, row(subject).version(), true);
        assertThat(subjects.list(false)).anyMatch(r -> r.id() == subject);
    }

    @Test
    void a_subject_a_tutor_teaches_is_not_deleted() {
        long subject = data.subject();
        long tutor = data.tutor("Teaching Tutor");
        jdbc.update("insert into tutor_subjects (tutor_id, subject_id) values (?, ?)", tutor, subject);
        assertThat(row(subject).tutors()).isEqualTo(1);
        assertThatThrownBy(() -> subjects.delete(subject)).hasMessageContaining("1 tutor");
    }

    @Test
    void a_rename_over_a_newer_version_is_refused() {
        long id = subjects.create(TestData.unique("Physics"));
        long read = row(id).version();
        subjects.rename(id, read, TestData.unique("Physics A"));
        assertThatThrownBy(() -> subjects.rename(id, read, TestData.unique("Physics B")))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
    }

    @Test
    void tutors_list_active_subjects_but_change_none() {
        signIn.as(DemoAccounts.read(jdbc).enhancedTutorEmail());
        assertThat(subjects.list(false)).isNotEmpty().allMatch(SubjectRow::active);
        assertThatThrownBy(() -> subjects.create(TestData.unique("Latin"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> subjects.list(true)).isInstanceOf(AccessDeniedException.class);
    }
}
