package com.tutordesk.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.people.ClientForm;
import com.tutordesk.people.ClientService;
import com.tutordesk.people.StudentForm;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/** Engagements: create, one per tutor + student + subject, rates, history, delete vs deactivate, roles. */
@IntegrationTest
class EngagementServiceIT {

    @Autowired
    EngagementService engagements;

    @Autowired
    ClientService clients;

    @Autowired
    SignIn signIn;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    DemoAccounts demo;
    long tutor;
    long student;
    long subject;

    @BeforeEach
    void setUp() {
        demo = DemoAccounts.read(jdbc);
        tutor = data.tutor("Engagement Tutor");
        student = data.student(data.client(TestData.unique("Engaged family")), "Eve Engaged");
        subject = data.subject();
        signIn.as(demo.adminEmail());
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        clock.reset();
    }

    private EngagementForm form(long tutorId, long studentId, long rate, long wage) {
        return new EngagementForm(tutorId, studentId, subject, rate, wage, 45);
    }

    @Test
    void an_admin_creates_an_engagement_whose_first_rates_start_the_history() {
        long id = engagements.create(form(tutor, student, 7250, 4008));
        EngagementDetails details = engagements.get(id);
        assertThat(details.row().clientRateMinor()).isEqualTo(7250);
        assertThat(details.row().tutorWageMinor()).isEqualTo(4008);
        assertThat(details.row().currency()).isEqualTo("USD");
        assertThat(details.row().defaultDurationMinutes()).isEqualTo(45);
        assertThat(details.mayEdit()).isTrue();
        assertThat(details.mayDelete()).isTrue();
        assertThat(engagements.history(id)).singleElement().matches(RateChange::isCreation)
                .matches(c -> c.newClientRateMinor() == 7250 && c.changedBy().equals("Alex Morgan"));
        assertThat(engagements.ofTutor(tutor)).extracting(EngagementRow::id).containsExactly(id);
    }

    @Test
    void a_second_engagement_for_the_same_tutor_student_and_subject_points_at_the_first() {
        long id = engagements.create(form(tutor, student, 7000, 4000));
        assertThatThrownBy(() -> engagements.create(form(tutor, student, 8000, 4500)))
                .isInstanceOf(DuplicateEngagementException.class)
                .hasMessageContaining("engagement #" + id)
                .matches(e -> ((DuplicateEngagementException) e).existingId() == id);
        long otherTutor = data.tutor("Other Tutor");
        engagements.create(form(otherTutor, student, 7000, 4000));
    }

    @Test
    void rates_and_length_are_checked() {
        assertThatThrownBy(() -> engagements.create(form(tutor, student, -1, 4000)))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("Client rate must be between");
        assertThatThrownBy(() -> engagements.create(form(tutor, student, 7000, Engagement.MAX_RATE_MINOR + 1)))
                .hasMessage("Tutor wage must be between $0.00 and $100,000.00 per hour");
        assertThatThrownBy(() -> engagements.create(new EngagementForm(tutor, student, subject, 7000L, 4000L, 4)))
                .hasMessage("Default length must be 5–600 minutes");
        assertThatThrownBy(() -> engagements.create(new EngagementForm(null, student, subject, 7000L, 4000L, 60)))
                .hasMessage("Tutor is required");
    }

    @Test
    void every_rate_change_is_recorded_with_who_when_and_old_and_new() {
        long id = engagements.create(form(tutor, student, 7000, 4000));
        clock.advance(java.time.Duration.ofDays(3));
        Long change = engagements.update(id, engagements.get(id).row().version(), new EngagementChange(7500L, 4200L, 60));
        assertThat(change).isNotNull();
        assertThat(engagements.update(id, engagements.get(id).row().version(), new EngagementChange(7500L, 4200L, 90)))
                .as("a change of length alone is no rate change").isNull();
        assertThat(engagements.history(id)).hasSize(2).first()
                .matches(c -> c.oldClientRateMinor() == 7000 && c.newClientRateMinor() == 7500
                        && c.oldTutorWageMinor() == 4000 && c.newTutorWageMinor() == 4200
                        && c.changedAt().equals(TestClock.START.plus(java.time.Duration.ofDays(3))));
        assertThat(engagements.get(id).row().defaultDurationMinutes()).isEqualTo(90);
    }

    @Test
    void an_edit_over_a_newer_version_is_refused() {
        long id = engagements.create(form(tutor, student, 7000, 4000));
        long read = engagements.get(id).row().version();
        engagements.update(id, read, new EngagementChange(7100L, 4000L, 60));
        assertThatThrownBy(() -> engagements.update(id, read, new EngagementChange(7200L, 4000L, 60)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
    }

    @Test
    void an_engagement_with_sessions_is_deactivated_never_deleted() {
        long id = engagements.create(form(tutor, student, 7000, 4000));
        data.session(id, TestClock.START.minusSeconds(86_400), 60, "COMPLETED");
        EngagementDetails details = engagements.get(id);
        assertThat(details.sessionCount()).isEqualTo(1);
        assertThat(details.mayDelete()).isFalse();
        assertThatThrownBy(() -> engagements.delete(id)).isInstanceOf(RuleViolationException.class)
                .hasMessage("This engagement has 1 session: deactivate it instead of deleting.");
        engagements.setActive(id, false);
        assertThat(engagements.get(id).row().active()).isFalse();
    }

    @Test
    void an_engagement_without_sessions_is_deleted_with_its_history() {
        long id = engagements.create(form(tutor, student, 7000, 4000));
        engagements.delete(id);
        assertThatThrownBy(() -> engagements.get(id)).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.queryForObject("select count(*) from engagement_rate_changes where engagement_id = ?",
                Integer.class, id)).isZero();
    }

    @Test
    void a_tutor_with_enhanced_access_creates_engagements_for_own_clients_but_never_changes_the_wage() {
        signIn.as(demo.enhancedTutorEmail());
        long client = clients.create(new ClientForm(TestData.unique("EA family"), "Pat", "pat@example.org", null, false,
                null, false));
        long own = clients.addStudent(client, new StudentForm("Pia", null, null, null));
        assertThatThrownBy(() -> engagements.create(form(tutor, own, 7000, 4000)))
                .as("another tutor").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> engagements.create(form(demo.enhancedTutorId(), student, 7000, 4000)))
                .as("a client the office added").isInstanceOf(NotFoundException.class);

        long id = engagements.create(form(demo.enhancedTutorId(), own, 7000, 4000));
        EngagementDetails details = engagements.get(id);
        assertThat(details.mayEdit()).isTrue();
        assertThat(details.mayEditWage()).isFalse();
        assertThat(details.row().clientRateMinor()).isEqualTo(7000);
        long version = details.row().version();
        assertThatThrownBy(() -> engagements.update(id, version, new EngagementChange(7000L, 5000L, 60)))
                .isInstanceOf(AccessDeniedException.class);
        engagements.update(id, version, new EngagementChange(7600L, 4000L, 60));
        assertThat(engagements.get(id).row().clientRateMinor()).isEqualTo(7600);
        assertThat(engagements.get(id).row().tutorWageMinor()).isEqualTo(4000);
    }

    @Test
    void a_tutor_without_enhanced_access_sees_student_subject_and_wage_of_their_own_engagements_only() {
        long own = engagements.create(form(demo.plainTutorId(), student, 7000, 4000));
        long others = engagements.create(form(tutor, student, 7000, 4000));
        signIn.as(demo.plainTutorEmail());
        EngagementDetails details = engagements.get(own);
        assertThat(details.row().clientRateMinor()).isNull();
        assertThat(details.row().clientName()).isNull();
        assertThat(details.row().studentName()).isEqualTo("Eve Engaged");
        assertThat(details.row().tutorWageMinor()).isEqualTo(4000);
        assertThat(details.mayEdit()).isFalse();
        assertThat(engagements.history(own)).allMatch(c -> c.newClientRateMinor() == null);
        assertThat(engagements.ofTutor(demo.plainTutorId())).allMatch(r -> r.clientRateMinor() == null);
        assertThatThrownBy(() -> engagements.get(others)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> engagements.update(own, details.row().version(),
                new EngagementChange(1L, 4000L, 60))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> engagements.create(form(demo.plainTutorId(), student, 1, 1)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void only_someone_who_may_change_the_engagement_notes_how_many_sessions_a_rate_change_repriced() {
        long others = engagements.create(form(tutor, student, 7000, 4000));
        Long change = engagements.update(others, engagements.get(others).row().version(),
                new EngagementChange(7500L, 4000L, 60));
        signIn.as(demo.plainTutorEmail());
        assertThatThrownBy(() -> engagements.recordRepricedSessions(change, 99)).isInstanceOf(NotFoundException.class);
        signIn.as(demo.enhancedTutorEmail());
        assertThatThrownBy(() -> engagements.recordRepricedSessions(change, 99)).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.queryForObject("select applied_to_sessions from engagement_rate_changes where id = ?",
                Integer.class, change)).isZero();
    }
}
