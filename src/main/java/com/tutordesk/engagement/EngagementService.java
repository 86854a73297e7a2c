package com.tutordesk.engagement;

import com.tutordesk.people.ClientService;
import com.tutordesk.people.Student;
import com.tutordesk.people.Subject;
import com.tutordesk.people.SubjectService;
import com.tutordesk.people.Tutor;
import com.tutordesk.people.TutorService;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.shared.Versions;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Engagements (domain.md "Engagement") and who may do what with them (domain.md "Roles"):
 * <ul>
 * <li>admins: everything;</li>
 * <li>a tutor with Enhanced Access: creates engagements for the clients they added, with
 *     themself as tutor; may then change the client rate and default length but never the wage;
 *     sees their own engagements with client rates;</li>
 * <li>a tutor without: sees their own engagements' student, subject, wage and length; changes nothing.</li>
 * </ul>
 * An engagement that is not the caller's is "not found". One engagement per tutor + student +
 * subject; one with sessions is deactivated, never deleted. Every rate change is recorded in the
 * engagement's history.
 */
@Service
public class EngagementService {

    private final EngagementRepository engagements;
    private final EngagementRateChangeRepository history;
    private final CurrentUserService currentUsers;
    private final TutorService tutors;
    private final ClientService clients;
    private final SubjectService subjects;
    private final SettingsService settings;
    private final ObjectProvider<EngagementUsage> usage;
    private final Clock clock;

    EngagementService(EngagementRepository engagements, EngagementRateChangeRepository history,
            CurrentUserService currentUsers, TutorService tutors, ClientService clients, SubjectService subjects,
            SettingsService settings, ObjectProvider<EngagementUsage> usage, Clock clock) {
        this.engagements = engagements;
        this.history = history;
        this.currentUsers = currentUsers;
        this.tutors = tutors;
        this.clients = clients;
        this.subjects = subjects;
        this.settings = settings;
        this.usage = usage;
        this.clock = clock;
    }

    /**
     * Creates an engagement and records its first rates in the history.
     *
     * @return the new engagement's id
     * @throws InvalidFieldException naming the field (tutor, student, subject, clientRate, tutorWage,
     *         duration) when missing or out of range
     * @throws DuplicateEngagementException when the tutor already teaches the student the subject
     * @throws AccessDeniedException for a tutor without Enhanced Access, or one naming another tutor
     * @throws NotFoundException when the student is not the caller's to manage
     */
    @Transactional
    public long create(EngagementForm form) {
        CurrentUser user = currentUsers.require();
        if (!user.isAdmin() && !user.enhancedAccess()) {
            throw new AccessDeniedException("Only admins and tutors with Enhanced Access create engagements");
        }
        if (form.tutorId() == null) {
            throw new InvalidFieldException("tutor", "Tutor is required");
        }
        if (!user.isAdmin() && !form.tutorId().equals(user.tutorId())) {
            throw new AccessDeniedException("A tutor creates engagements only for themself");
        }
        if (form.studentId() == null) {
            throw new InvalidFieldException("student", "Student is required");
        }
        if (form.subjectId() == null) {
            throw new InvalidFieldException("subject", "Subject is required");
        }
        long rate = rate("clientRate", "Client rate", form.clientRateMinor());
        long wage = rate("tutorWage", "Tutor wage", form.tutorWageMinor());
        int duration = duration(form.defaultDurationMinutes());
        Tutor tutor = tutors.requireActive(form.tutorId());
        Student student = clients.requireManageableStudent(form.studentId());
        if (!student.isActive() || !student.getClient().isActive()) {
            throw new InvalidFieldException("student", student.getName() + " is deactivated");
        }
        Subject subject = subjects.requireActive(form.subjectId());
        engagements.findDuplicate(tutor.getId(), student.getId(), subject.getId()).ifPresent(existing -> {
            throw new DuplicateEngagementException(tutor.getName() + " already teaches " + student.getName() + " "
                    + subject.getName() + " (engagement #" + existing.getId() + (existing.isActive() ? "" : ", deactivated")
                    + "). Open that engagement instead of creating another.", existing.getId());
        });
        String currency = settings.profile().currency().getCurrencyCode();
        Engagement engagement = new Engagement(tutor, student, subject, rate, wage, currency, duration, user.userId(),
                clock.instant());
        try {
            engagements.saveAndFlush(engagement);
        } catch (DataIntegrityViolationException raced) {
            throw new RuleViolationException(tutor.getName() + " already teaches " + student.getName() + " "
                    + subject.getName() + ": someone created that engagement a moment ago. Reload the page.");
        }
        history.saveAndFlush(new EngagementRateChange(engagement.getId(), clock.instant(), user.userId(),
                user.displayName(), null, rate, null, wage, currency));
        return engagement.getId();
    }

    /**
     * @return the engagement as the caller may see it, with what they may change
     * @throws NotFoundException when it does not exist or is not the caller's
     */
    @Transactional(readOnly = true)
    public EngagementDetails get(long id) {
        CurrentUser user = currentUsers.require();
        Engagement engagement = visible(user, id);
        boolean mayEdit = mayEdit(user, engagement);
        long sessions = sessionsOf(id);
        EngagementRow row = engagements.findRow(id).orElseThrow();
        return new EngagementDetails(shown(user, row), mayEdit, user.isAdmin(), mayEdit && sessions == 0, sessions);
    }

    /**
     * Changes rates and default length; a change of rates is recorded in the history. Sessions
     * keep their rates: re-pricing unbilled sessions is a separate step
     * ({@code directory.DirectoryService} does both in one transaction).
     *
     * @return the history entry of the rate change, or {@code null} when the rates did not change
     * @throws InvalidFieldException naming the field
     * @throws AccessDeniedException when a tutor with Enhanced Access changes the wage
     * @throws org.springframework.orm.ObjectOptimisticLockingFailureException when changed meanwhile
     */
    @Transactional
    public Long update(long id, long expectedVersion, EngagementChange change) {
        CurrentUser user = currentUsers.require();
        Engagement engagement = requireEditable(id);
        Versions.require(Engagement.class, id, engagement.getVersion(), expectedVersion);
        long rate = rate("clientRate", "Client rate", change.clientRateMinor());
        long wage = rate("tutorWage", "Tutor wage", change.tutorWageMinor());
        int duration = duration(change.defaultDurationMinutes());
        if (!user.isAdmin() && wage != engagement.getTutorWageMinor()) {
            throw new AccessDeniedException("Only an admin may change the tutor wage of an existing engagement");
        }
        Long changeId = null;
        if (rate != engagement.getClientRateMinor() || wage != engagement.getTutorWageMinor()) {
            changeId = history.saveAndFlush(new EngagementRateChange(id, clock.instant(), user.userId(),
                    user.displayName(), engagement.getClientRateMinor(), rate, engagement.getTutorWageMinor(), wage,
                    engagement.getCurrency())).getId();
            engagement.changeRates(rate, wage);
        }
        engagement.setDefaultDurationMinutes(duration);
        engagements.saveAndFlush(engagement);
        return changeId;
    }

    /**
     * Notes in a history entry how many unbilled sessions were re-priced with its rates.
     *
     * @throws NotFoundException when the entry or its engagement is not the caller's
     * @throws AccessDeniedException when the caller may see but not change the engagement
     */
    @Transactional
    public void recordRepricedSessions(long changeId, int sessions) {
        EngagementRateChange change = history.findById(changeId)
                .orElseThrow(() -> new NotFoundException("Rate change", changeId));
        requireEditable(change.getEngagementId());
        change.setAppliedToSessions(sessions);
        history.saveAndFlush(change);
    }

    /**
     * @return the rate history, newest first (client rates hidden from tutors without Enhanced Access)
     * @throws NotFoundException when the engagement is not the caller's
     */
    @Transactional(readOnly = true)
    public List<RateChange> history(long id) {
        CurrentUser user = currentUsers.require();
        visible(user, id);
        boolean clientRates = user.maySeeClientAmounts();
        // A change of the client rate alone would still tell a plain tutor that it changed.
        return history.findByEngagementIdOrderByChangedAtDescIdDesc(id).stream()
                .map(change -> change.toRecord(clientRates))
                .filter(change -> clientRates || change.isCreation()
                        || !java.util.Objects.equals(change.oldTutorWageMinor(), change.newTutorWageMinor()))
                .toList();
    }

    /** Deactivates or reactivates an engagement (sessions are kept; no new ones can be logged). */
    @Transactional
    public void setActive(long id, boolean active) {
        Engagement engagement = requireEditable(id);
        if (active && (!engagement.getTutor().isActive() || !engagement.getStudent().isActive())) {
            throw new RuleViolationException("Reactivate the tutor and the student first.");
        }
        engagement.setActive(active);
        engagements.saveAndFlush(engagement);
    }

    /**
     * Deletes an engagement on which no session was ever logged.
     *
     * @throws RuleViolationException when sessions exist: deactivate instead
     */
    @Transactional
    public void delete(long id) {
        Engagement engagement = requireEditable(id);
        long sessions = sessionsOf(id);
        if (sessions > 0) {
            throw new RuleViolationException("This engagement has " + sessions + (sessions == 1 ? " session" : " sessions")
                    + ": deactivate it instead of deleting.");
        }
        history.deleteByEngagement(id);
        engagements.delete(engagement);
        engagements.flush();
    }

    /**
     * @return the tutor's engagements, active first: any tutor's for admins, their own for a tutor
     * @throws NotFoundException for another tutor's
     */
    @Transactional(readOnly = true)
    public List<EngagementRow> ofTutor(long tutorId) {
        CurrentUser user = currentUsers.require();
        if (!user.isAdmin() && !Long.valueOf(tutorId).equals(user.tutorId())) {
            throw new NotFoundException("Tutor", tutorId);
        }
        return engagements.findRowsOfTutor(tutorId).stream().map(row -> shown(user, row)).toList();
    }

    /**
     * @return the client's engagements: all for admins, the tutor's own for the Enhanced-Access
     *         tutor who added the client
     * @throws NotFoundException when the caller may not manage the client
     */
    @Transactional(readOnly = true)
    public List<EngagementRow> ofClient(long clientId) {
        CurrentUser user = currentUsers.require();
        if (!clients.mayManage(clientId)) {
            throw new NotFoundException("Client", clientId);
        }
        return engagements.findRowsOfClient(clientId, user.sessionScopeTutorId());
    }

    /**
     * The engagement, if the caller may change it, for re-pricing its sessions in the same
     * transaction.
     *
     * @throws NotFoundException when it does not exist or is not the caller's
     * @throws AccessDeniedException when the caller may see but not change it
     */
    @Transactional(readOnly = true)
    public Engagement requireEditable(long id) {
        CurrentUser user = currentUsers.require();
        Engagement engagement = visible(user, id);
        if (!mayEdit(user, engagement)) {
            throw new AccessDeniedException("You may not change this engagement");
        }
        return engagement;
    }

    /**
     * The engagement in which the tutor teaches the student the subject (there is at most one),
     * for matching records from elsewhere against the existing ones (import, issue 19).
     *
     * @return the engagement, or empty when there is none
     * @throws AccessDeniedException unless the caller is an admin
     */
    @Transactional(readOnly = true)
    public java.util.Optional<EngagementRow> find(long tutorId, long studentId, long subjectId) {
        currentUsers.requireAdmin();
        return engagements.findDuplicate(tutorId, studentId, subjectId).flatMap(e -> engagements.findRow(e.getId()));
    }

    /** @return the number of engagements (for the Settings page's change warning) */
    @Transactional(readOnly = true)
    public long count() {
        return engagements.count();
    }

    private long sessionsOf(long id) {
        EngagementUsage sessions = usage.getIfAvailable();
        return sessions == null ? 0 : sessions.sessionsOf(id);
    }

    private Engagement visible(CurrentUser user, long id) {
        return engagements.findById(id)
                .filter(e -> user.isAdmin() || e.getTutor().getId().equals(user.tutorId()))
                .orElseThrow(() -> new NotFoundException("Engagement", id));
    }

    /** Admins; the Enhanced-Access tutor of the engagement, on a client they added. */
    private static boolean mayEdit(CurrentUser user, Engagement engagement) {
        return user.isAdmin() || (user.enhancedAccess() && engagement.getTutor().getId().equals(user.tutorId())
                && Objects.equals(engagement.getStudent().getClient().getAddedByTutorId(), user.tutorId()));
    }

    private static EngagementRow shown(CurrentUser user, EngagementRow row) {
        return user.maySeeClientAmounts() ? row : row.hidingClient();
    }

    private long rate(String field, String label, Long minor) {
        if (minor == null) {
            throw new InvalidFieldException(field, label + " is required");
        }
        if (minor < 0 || minor > Engagement.MAX_RATE_MINOR) {
            var profile = settings.profile();
            throw new InvalidFieldException(field, label + " must be between " + profile.formatMoney(0) + " and "
                    + profile.formatMoney(Engagement.MAX_RATE_MINOR) + " per hour");
        }
        return minor;
    }

    private static int duration(Integer minutes) {
        if (minutes == null) {
            throw new InvalidFieldException("duration", "Default length is required");
        }
        if (minutes < Engagement.MIN_DURATION_MINUTES || minutes > Engagement.MAX_DURATION_MINUTES) {
            throw new InvalidFieldException("duration", "Default length must be " + Engagement.MIN_DURATION_MINUTES
                    + "–" + Engagement.MAX_DURATION_MINUTES + " minutes");
        }
        return minutes;
    }
}
