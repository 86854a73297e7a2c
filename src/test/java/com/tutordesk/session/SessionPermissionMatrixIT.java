package com.tutordesk.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.mail.OutboxDelivery;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestData;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may view, edit, delete and send the report of which session (domain.md "Roles", issue 5),
 * checked on the services for the three roles: admin, tutor with Enhanced Access, tutor. Each cell
 * runs on a fresh session, so a delete in one cell cannot hide a refusal in another.
 */
@IntegrationTest
class SessionPermissionMatrixIT {

    static final Instant LAST_WEEK = Instant.parse("2026-11-18T21:30:00Z");

    enum Outcome { ALLOWED, NOT_FOUND, REFUSED }

    enum Target { OWN, OTHER_TUTORS, OWN_INVOICED }

    @Autowired
    SessionViewService views;

    @Autowired
    SessionEditingService editing;

    @Autowired
    SessionReportService reports;

    @Autowired
    OutboxDelivery delivery;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignIn signIn;

    @AfterEach
    void tearDown() {
        signIn.out();
        // Deliver what the cells sent, so that they do not wait in the outbox of later tests.
        delivery.deliverDue();
    }

    record Operation(String name, LongConsumer run) {
    }

    private List<Operation> operations() {
        return List.of(
                new Operation("view", id -> views.page(id)),
                new Operation("edit", id -> {
                    EditSessionForm form = editing.editForm(id);
                    editing.edit(new EditSessionRequest(id, form.version(), form.engagement().id(), form.date(),
                            LocalTime.of(9, 0), 45, "Moved", false));
                }),
                new Operation("late cancel", id -> editing.lateCancel(id, views.page(id).version())),
                new Operation("delete", id -> editing.delete(id, views.page(id).version())),
                new Operation("send report", id -> reports.saveAndSend(id, views.page(id).version(),
                        new SessionNotes(4, "Report for the matrix", "internal"))));
    }

    private Outcome attempt(Operation operation, long sessionId) {
        try {
            operation.run().accept(sessionId);
            return Outcome.ALLOWED;
        } catch (NotFoundException e) {
            return Outcome.NOT_FOUND;
        } catch (RuleViolationException e) {
            assertThat(e.getMessage()).contains("cancel its invoice first");
            return Outcome.REFUSED;
        }
    }

    private static Outcome expected(String role, Target target, String operation) {
        if (target == Target.OTHER_TUTORS && !role.equals("admin")) {
            return Outcome.NOT_FOUND;
        }
        if (target == Target.OWN_INVOICED && List.of("edit", "late cancel", "delete").contains(operation)) {
            return Outcome.REFUSED;
        }
        return Outcome.ALLOWED;
    }

    @Test
    void admins_change_every_session_tutors_only_their_own_and_nobody_an_invoiced_one() {
        SessionWorld plain = new SessionWorld(data, jdbc, false);
        SessionWorld enhanced = new SessionWorld(data, jdbc, true);
        List<String> mismatches = new ArrayList<>();
        for (String role : List.of("admin", "enhanced tutor", "tutor")) {
            SessionWorld world = role.equals("tutor") ? plain : enhanced;
            String login = role.equals("admin") ? world.adminEmail : world.tutorEmail;
            for (Target target : Target.values()) {
                for (Operation operation : operations()) {
                    long id = switch (target) {
                        case OWN -> world.session(LAST_WEEK, 60, "COMPLETED");
                        case OTHER_TUTORS -> world.otherTutorsSession(LAST_WEEK, 60);
                        case OWN_INVOICED -> {
                            long invoiced = world.session(LAST_WEEK, 60, "COMPLETED");
                            data.updateSession(invoiced, "billing_state = 'INVOICED'");
                            yield invoiced;
                        }
                    };
                    signIn.as(login);
                    Outcome outcome = attempt(operation, id);
                    Outcome wanted = expected(role, target, operation.name());
                    if (outcome != wanted) {
                        mismatches.add(role + " / " + target + " / " + operation.name() + ": " + outcome + ", expected "
                                + wanted);
                    }
                    signIn.out();
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void client_rate_and_amount_are_shown_to_admins_and_enhanced_access_tutors_only_and_earnings_to_all_three() {
        SessionWorld plain = new SessionWorld(data, jdbc, false);
        SessionWorld enhanced = new SessionWorld(data, jdbc, true);
        long plainSession = plain.session(LAST_WEEK, 60, "COMPLETED");
        long enhancedSession = enhanced.session(LAST_WEEK, 60, "COMPLETED");

        signIn.as(plain.adminEmail);
        assertThat(views.page(plainSession).details().clientAmountMinor()).isEqualTo(6000);
        assertThat(views.page(plainSession).details().clientRateMinor()).isEqualTo(6000);
        assertThat(views.page(plainSession).actions().mayInvoice()).isTrue();
        signIn.as(enhanced.tutorEmail);
        assertThat(views.page(enhancedSession).details().clientAmountMinor()).isEqualTo(6000);
        assertThat(views.page(enhancedSession).details().tutorEarningsMinor()).isEqualTo(4000);
        assertThat(views.page(enhancedSession).actions().mayInvoice()).isTrue();
        signIn.as(plain.tutorEmail);
        assertThat(views.page(plainSession).details().clientAmountMinor()).isNull();
        assertThat(views.page(plainSession).details().clientRateMinor()).isNull();
        assertThat(views.page(plainSession).details().tutorEarningsMinor()).isEqualTo(4000);
        assertThat(views.page(plainSession).actions().mayInvoice()).isFalse();
        assertThat(editing.lateCancellationPreview(plainSession).lateClientAmountMinor()).isNull();
    }

    @Test
    void a_tutor_asking_for_another_tutors_session_learns_nothing_more_than_for_a_missing_id() {
        SessionWorld world = new SessionWorld(data, jdbc, true);
        long other = world.otherTutorsSession(LAST_WEEK, 60);
        signIn.as(world.tutorEmail);
        String forOther = message(() -> views.page(other));
        String forMissing = message(() -> views.page(Long.MAX_VALUE / 3));
        assertThat(forOther.replace(String.valueOf(other), "#"))
                .isEqualTo(forMissing.replace(String.valueOf(Long.MAX_VALUE / 3), "#"));
        assertThat(message(() -> views.reportDelivery(other))).contains("was not found");
        assertThat(message(() -> editing.lateCancellationPreview(other))).contains("was not found");
    }

    private static String message(Runnable call) {
        try {
            call.run();
            return "no exception";
        } catch (NotFoundException e) {
            return e.getMessage();
        }
    }
}
