package com.tutordesk.people;

import com.tutordesk.security.CurrentUserService;
import com.tutordesk.shared.Fields;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.shared.Versions;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subjects: anyone signed in may list the active ones (to pick one for an engagement); only admins
 * add, rename, deactivate or delete them (domain.md "manage tutors, subjects, settings: admin").
 * A subject in use (taught by a tutor or in an engagement) is deactivated, never deleted. Names are
 * unique, compared without regard to case.
 */
@Service
public class SubjectService {

    private final org.springframework.context.ApplicationEventPublisher events;
    private final SubjectRepository subjects;
    private final CurrentUserService currentUsers;
    private final ObjectProvider<PeopleUsage> usage;

    SubjectService(SubjectRepository subjects, CurrentUserService currentUsers, ObjectProvider<PeopleUsage> usage,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.subjects = subjects;
        this.currentUsers = currentUsers;
        this.usage = usage;
    }

    /**
     * @param includeInactive also list deactivated subjects (admins only)
     * @return subjects by name, active ones first, with how many tutors and engagements use each
     */
    @Transactional(readOnly = true)
    public List<SubjectRow> list(boolean includeInactive) {
        if (includeInactive) {
            currentUsers.requireAdmin();
        } else {
            currentUsers.require();
        }
        PeopleUsage counts = PeopleUsages.of(usage);
        return subjects.findRows(includeInactive).stream()
                .map(row -> row.withEngagements(counts.engagementsOfSubject(row.id())))
                .toList();
    }

    /**
     * @return the new subject's id
     * @throws InvalidFieldException "name" when blank, too long or already used
     */
    @Transactional
    public long create(String name) {
        currentUsers.requireAdmin();
        String clean = validName(name, 0);
        return subjects.saveAndFlush(new Subject(clean)).getId();
    }

    /**
     * Renames a subject; engagements and sessions show the new name.
     *
     * @throws InvalidFieldException "name" when blank, too long or already used
     * @throws org.springframework.orm.ObjectOptimisticLockingFailureException when changed meanwhile
     */
    @Transactional
    public void rename(long id, long expectedVersion, String name) {
        currentUsers.requireAdmin();
        Subject subject = load(id);
        Versions.require(Subject.class, id, subject.getVersion(), expectedVersion);
        String oldName = subject.getName();
        subject.rename(validName(name, id));
        subjects.saveAndFlush(subject);
        if (!oldName.equals(subject.getName())) {
            events.publishEvent(new NameChanged(NameChanged.Kind.SUBJECT, id, subject.getName()));
        }
    }

    /** Deactivates (or reactivates) a subject: kept for history, offered nowhere new. */
    @Transactional
    public void setActive(long id, long expectedVersion, boolean active) {
        currentUsers.requireAdmin();
        Subject subject = load(id);
        Versions.require(Subject.class, id, subject.getVersion(), expectedVersion);
        subject.setActive(active);
        subjects.saveAndFlush(subject);
    }

    /**
     * Deletes a subject nobody uses (a typo, say).
     *
     * @throws RuleViolationException when a tutor teaches it or an engagement uses it: deactivate instead
     */
    @Transactional
    public void delete(long id) {
        currentUsers.requireAdmin();
        Subject subject = load(id);
        long tutors = subjects.countTutors(id);
        long engagements = PeopleUsages.of(usage).engagementsOfSubject(id);
        if (tutors > 0 || engagements > 0) {
            throw new RuleViolationException("\"" + subject.getName() + "\" is in use (" + PeopleUsages.uses(tutors,
                    "tutor", engagements) + "): deactivate it instead of deleting it.");
        }
        subjects.delete(subject);
        subjects.flush();
    }

    /**
     * @return the active subject, for an engagement
     * @throws NotFoundException when it does not exist
     * @throws InvalidFieldException "subject" when it is deactivated
     */
    @Transactional(readOnly = true)
    public Subject requireActive(long id) {
        Subject subject = load(id);
        if (!subject.isActive()) {
            throw new InvalidFieldException("subject", "Subject \"" + subject.getName() + "\" is deactivated");
        }
        return subject;
    }

    private String validName(String name, long exceptId) {
        String clean = Fields.required("name", "Subject name", name, Subject.NAME_MAX_LENGTH);
        if (subjects.nameTaken(clean, exceptId)) {
            throw new InvalidFieldException("name", "A subject named \"" + clean + "\" already exists");
        }
        return clean;
    }

    private Subject load(long id) {
        return subjects.findById(id).orElseThrow(() -> new NotFoundException("Subject", id));
    }
}
