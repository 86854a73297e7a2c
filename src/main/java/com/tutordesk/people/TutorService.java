package com.tutordesk.people;

import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.security.LoginSummary;
import com.tutordesk.security.TemporaryPassword;
import com.tutordesk.security.UserAccountService;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.Fields;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.shared.Versions;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tutors (domain.md "Tutor"). Admins manage them; a tutor may read only their own profile (and
 * gets "not found" for anyone else's). A tutor who has engagements is deactivated, never deleted;
 * a deactivated tutor's login cannot sign in.
 */
@Service
public class TutorService {

    /** Options of the Enhanced Access choice on the tutor form. */
    public enum EnhancedAccessChoice {
        DEFAULT, ON, OFF;

        /** @return the stored override: {@code null} for DEFAULT */
        public Boolean override() {
            return this == DEFAULT ? null : this == ON;
        }

        /** @return the choice for a stored override */
        public static EnhancedAccessChoice of(Boolean override) {
            return override == null ? DEFAULT : override ? ON : OFF;
        }
    }

    private final org.springframework.context.ApplicationEventPublisher events;
    private final TutorRepository tutors;
    private final SubjectRepository subjects;
    private final ClientRepository clients;
    private final CurrentUserService currentUsers;
    private final UserAccountService accounts;
    private final SettingsService settings;
    private final ObjectProvider<PeopleUsage> usage;
    private final Clock clock;

    TutorService(TutorRepository tutors, SubjectRepository subjects, ClientRepository clients,
            CurrentUserService currentUsers,
            UserAccountService accounts, SettingsService settings, ObjectProvider<PeopleUsage> usage, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.tutors = tutors;
        this.subjects = subjects;
        this.clients = clients;
        this.currentUsers = currentUsers;
        this.accounts = accounts;
        this.settings = settings;
        this.usage = usage;
        this.clock = clock;
    }

    /**
     * @param search          part of the name or email, or blank
     * @param includeInactive also list deactivated tutors
     * @param pageable        page and sort (TutorRow properties: name, email, active)
     * @return a page of tutors with their subjects and login
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is an admin
     */
    @Transactional(readOnly = true)
    public Page<TutorRow> list(String search, boolean includeInactive, Pageable pageable) {
        currentUsers.requireAdmin();
        String term = search == null || search.isBlank() ? "" : "%" + search.strip().toLowerCase(Locale.ROOT) + "%";
        Page<TutorRow> page = tutors.findRows(term, includeInactive, pageable);
        if (page.isEmpty()) {
            return page;
        }
        Map<Long, String> names = new HashMap<>();
        for (Object[] pair : tutors.findSubjectNames(page.map(TutorRow::id).toList())) {
            names.merge((Long) pair[0], (String) pair[1], (a, b) -> a + ", " + b);
        }
        return page.map(row -> row.withSubjects(names.getOrDefault(row.id(), "")));
    }

    /** @return active tutors by name, for choosing one (admins only) */
    @Transactional(readOnly = true)
    public List<TutorDetails> activeTutors() {
        currentUsers.requireAdmin();
        return tutors.findActive().stream().map(this::details).toList();
    }

    /**
     * @return the tutor's page: any tutor for admins, their own for a tutor
     * @throws NotFoundException when it does not exist or is not the caller's to see
     */
    @Transactional(readOnly = true)
    public TutorDetails get(long id) {
        CurrentUser user = currentUsers.require();
        if (!user.isAdmin() && !Long.valueOf(id).equals(user.tutorId())) {
            throw new NotFoundException("Tutor", id);
        }
        return details(load(id));
    }

    /**
     * @return the new tutor's id
     * @throws InvalidFieldException naming the field (name, email, phone, subjects)
     */
    @Transactional
    public long create(TutorForm form) {
        currentUsers.requireAdmin();
        Tutor tutor = new Tutor("x", "x@x", null, clock.instant());
        apply(tutor, 0, form);
        return tutors.saveAndFlush(tutor).getId();
    }

    /**
     * Saves the tutor form.
     *
     * @throws InvalidFieldException naming the field
     * @throws org.springframework.orm.ObjectOptimisticLockingFailureException when changed meanwhile
     */
    @Transactional
    public void update(long id, long expectedVersion, TutorForm form) {
        currentUsers.requireAdmin();
        Tutor tutor = load(id);
        Versions.require(Tutor.class, id, tutor.getVersion(), expectedVersion);
        String oldName = tutor.getName();
        apply(tutor, id, form);
        tutors.saveAndFlush(tutor);
        if (!oldName.equals(tutor.getName())) {
            events.publishEvent(new NameChanged(NameChanged.Kind.TUTOR, id, tutor.getName()));
        }
    }

    /**
     * Deactivates or reactivates a tutor and with it their login. Future sessions are the caller's
     * business (the directory module lists them and cancels the chosen ones in the same transaction).
     */
    @Transactional
    public void setActive(long id, boolean active) {
        currentUsers.requireAdmin();
        Tutor tutor = load(id);
        tutor.setActive(active);
        tutors.saveAndFlush(tutor);
        accounts.setTutorLoginEnabled(id, active);
    }

    /**
     * @return whether the tutor may be deleted: no engagements and no clients added
     */
    @Transactional(readOnly = true)
    public boolean deletable(long id) {
        currentUsers.requireAdmin();
        return PeopleUsages.of(usage).engagementsOfTutor(id) == 0 && clientsAddedBy(id) == 0;
    }

    /**
     * Deletes a tutor who never worked (no engagements, no clients added), with their login.
     *
     * @throws RuleViolationException otherwise: deactivate instead
     */
    @Transactional
    public void delete(long id) {
        currentUsers.requireAdmin();
        Tutor tutor = load(id);
        long engagements = PeopleUsages.of(usage).engagementsOfTutor(id);
        long clients = clientsAddedBy(id);
        if (engagements > 0 || clients > 0) {
            throw new RuleViolationException(tutor.getName() + " has " + PeopleUsages.uses(clients, "client added",
                    engagements) + ": deactivate the tutor instead of deleting.");
        }
        accounts.deleteTutorLogin(id);
        tutors.delete(tutor);
        tutors.flush();
    }

    /**
     * Invites the tutor: creates their login with a temporary password to be shown once.
     *
     * @param email sign-in email; blank means the tutor's contact email
     * @throws RuleViolationException when the tutor is deactivated or already has a login
     */
    @Transactional
    public TemporaryPassword invite(long tutorId, String email) {
        currentUsers.requireAdmin();
        Tutor tutor = load(tutorId);
        if (!tutor.isActive()) {
            throw new RuleViolationException("Reactivate " + tutor.getName() + " before giving them a login.");
        }
        return accounts.inviteTutor(tutorId, email == null || email.isBlank() ? tutor.getEmail() : email,
                tutor.getName());
    }

    /** @return the tutor's login, if any (admins, or the tutor themself) */
    @Transactional(readOnly = true)
    public Optional<LoginSummary> login(long tutorId) {
        return accounts.loginOfTutor(tutorId);
    }

    /**
     * @return the tutor, for an engagement (same transaction)
     * @throws NotFoundException when it does not exist
     * @throws InvalidFieldException "tutor" when deactivated
     */
    @Transactional(readOnly = true)
    public Tutor requireActive(long id) {
        Tutor tutor = load(id);
        if (!tutor.isActive()) {
            throw new InvalidFieldException("tutor", tutor.getName() + " is deactivated");
        }
        return tutor;
    }

    /** @return the tutor entity (same transaction); no access check: for other modules' services */
    @Transactional(readOnly = true)
    public Tutor entity(long id) {
        return load(id);
    }

    private long clientsAddedBy(long tutorId) {
        return clients.countByAddedByTutorId(tutorId);
    }

    private void apply(Tutor tutor, long id, TutorForm form) {
        String name = Fields.required("name", "Name", form.name(), Tutor.NAME_MAX_LENGTH);
        String email = Fields.email("email", "Email", form.email(), Tutor.EMAIL_MAX_LENGTH, true);
        String phone = Fields.phone("phone", "Phone", form.phone(), Tutor.PHONE_MAX_LENGTH);
        if (tutors.emailTaken(email, id)) {
            throw new InvalidFieldException("email", "Another tutor already has the email " + email);
        }
        Set<Subject> taught = new LinkedHashSet<>();
        for (Long subjectId : form.subjectIds() == null ? Set.<Long>of() : form.subjectIds()) {
            Subject subject = subjects.findById(subjectId)
                    .orElseThrow(() -> new InvalidFieldException("subjects", "Subject " + subjectId + " does not exist"));
            boolean alreadyTaught = tutor.getSubjects().stream().anyMatch(s -> s.getId().equals(subjectId));
            if (!subject.isActive() && !alreadyTaught) {
                throw new InvalidFieldException("subjects", "Subject \"" + subject.getName() + "\" is deactivated");
            }
            taught.add(subject);
        }
        tutor.update(name, email, phone, form.enhancedAccess(), taught);
    }

    private TutorDetails details(Tutor tutor) {
        boolean effective = tutor.getEnhancedAccess() != null ? tutor.getEnhancedAccess()
                : settings.profile().tutorsEnhancedAccess();
        List<TutorDetails.SubjectRef> taught = tutor.getSubjects().stream()
                .sorted(Comparator.comparing(s -> s.getName().toLowerCase(Locale.ROOT)))
                .map(s -> new TutorDetails.SubjectRef(s.getId(), s.getName(), s.isActive()))
                .collect(Collectors.toList());
        return new TutorDetails(tutor.getId(), tutor.getName(), tutor.getEmail(), tutor.getPhone(), tutor.isActive(),
                tutor.getEnhancedAccess(), effective, taught, tutor.getCreatedAt(), tutor.getVersion());
    }

    private Tutor load(long id) {
        return tutors.findById(id).orElseThrow(() -> new NotFoundException("Tutor", id));
    }
}
