package com.tutordesk.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.security.TemporaryPassword;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestData;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** Tutors: add, edit, unique email, logins, deactivate (login too), delete only while unused. */
@IntegrationTest
class TutorServiceIT {

    @Autowired
    TutorService tutors;

    @Autowired
    SignIn signIn;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

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

    private TutorForm form(String name, String email) {
        return new TutorForm(name, email, "+1 212-555-0199", Set.of(), null);
    }

    @Test
    void an_admin_adds_a_tutor_with_subjects_and_an_enhanced_access_override() {
        long subject = data.subject();
        String email = TestData.unique("nia") + "@example.org";
        long id = tutors.create(new TutorForm(" Nia Okafor ", email.toUpperCase(), "", Set.of(subject), true));
        TutorDetails tutor = tutors.get(id);
        assertThat(tutor.name()).isEqualTo("Nia Okafor");
        assertThat(tutor.email()).isEqualTo(email);
        assertThat(tutor.phone()).isNull();
        assertThat(tutor.subjects()).extracting(TutorDetails.SubjectRef::id).containsExactly(subject);
        assertThat(tutor.enhancedAccessOverride()).isTrue();
        assertThat(tutor.enhancedAccess()).isTrue();
        assertThat(tutors.list("nia okafor", false, PageRequest.of(0, 10, Sort.by("name"))).getContent())
                .extracting(TutorRow::id).contains(id);
    }

    @Test
    void tutor_emails_are_unique_and_fields_are_checked() {
        String email = TestData.unique("dup") + "@example.org";
        tutors.create(form("First", email));
        assertThatThrownBy(() -> tutors.create(form("Second", email))).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("Another tutor already has the email");
        assertThatThrownBy(() -> tutors.create(form("", "x@example.org"))).hasMessage("Name is required");
        assertThatThrownBy(() -> tutors.create(form("X", "nope"))).hasMessageContaining("valid address");
        assertThatThrownBy(() -> tutors.create(new TutorForm("X", "x1@example.org", "call me", Set.of(), null)))
                .hasMessageContaining("Phone may contain only digits");
    }

    @Test
    void an_edit_over_a_newer_version_is_refused() {
        long id = tutors.create(form("Versioned", TestData.unique("v") + "@example.org"));
        TutorDetails read = tutors.get(id);
        tutors.update(id, read.version(), form("Versioned Once", read.email()));
        assertThatThrownBy(() -> tutors.update(id, read.version(), form("Versioned Twice", read.email())))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(tutors.get(id).name()).isEqualTo("Versioned Once");
    }

    @Test
    void an_invite_creates_a_login_with_a_temporary_password_once() {
        long id = tutors.create(form("Invited", TestData.unique("inv") + "@example.org"));
        TemporaryPassword temporary = tutors.invite(id, "");
        assertThat(temporary.email()).isEqualTo(tutors.get(id).email());
        assertThat(tutors.login(id)).get().matches(l -> l.mustChangePassword() && l.enabled());
        assertThatThrownBy(() -> tutors.invite(id, "")).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void deactivating_a_tutor_disables_their_login_and_reactivating_enables_it() {
        long id = tutors.create(form("Leaving", TestData.unique("leave") + "@example.org"));
        tutors.invite(id, "");
        tutors.setActive(id, false);
        assertThat(tutors.get(id).active()).isFalse();
        assertThat(tutors.login(id)).get().matches(l -> !l.enabled());
        tutors.setActive(id, true);
        assertThat(tutors.login(id)).get().matches(l -> l.enabled());
    }

    @Test
    void a_tutor_who_never_worked_is_deleted_with_their_login() {
        long id = tutors.create(form("Never Worked", TestData.unique("nw") + "@example.org"));
        tutors.invite(id, "");
        assertThat(tutors.deletable(id)).isTrue();
        tutors.delete(id);
        assertThatThrownBy(() -> tutors.get(id)).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.queryForObject("select count(*) from users where tutor_id = ?", Integer.class, id)).isZero();
    }

    @Test
    void a_tutor_with_engagements_is_deactivated_never_deleted() {
        long tutor = data.tutor("Busy Tutor");
        long student = data.student(data.client("Busy Family"), "Bo Busy");
        data.engagement(tutor, student, data.subject(), 7000, 4000);
        assertThat(tutors.deletable(tutor)).isFalse();
        assertThatThrownBy(() -> tutors.delete(tutor)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("deactivate the tutor instead");
    }

    @Test
    void a_tutor_reads_their_own_profile_and_nobody_elses() {
        signIn.as(demo.plainTutorEmail());
        assertThat(tutors.get(demo.plainTutorId()).id()).isEqualTo(demo.plainTutorId());
        assertThatThrownBy(() -> tutors.get(demo.enhancedTutorId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tutors.get(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
    }
}
