package com.tutordesk.people;

import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.shared.Fields;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.shared.Versions;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clients and their students (domain.md "Client", "Student"). Who may manage them (domain.md
 * "Roles": manage clients, students, engagements): admins all; a tutor with Enhanced Access only
 * the clients they added (a client they create is recorded as added by them); a tutor without
 * none. A client or student someone else may not manage is "not found" to them. Records with
 * engagements are deactivated, never deleted.
 */
@Service
public class ClientService {

    private final org.springframework.context.ApplicationEventPublisher events;
    private final ClientRepository clients;
    private final StudentRepository students;
    private final ClientChangeLog history;
    private final ClientChangeRepository changes;
    private final CurrentUserService currentUsers;
    private final ObjectProvider<PeopleUsage> usage;
    private final Clock clock;

    ClientService(ClientRepository clients, StudentRepository students, ClientChangeLog history,
            ClientChangeRepository changes, CurrentUserService currentUsers, ObjectProvider<PeopleUsage> usage,
            Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.clients = clients;
        this.students = students;
        this.history = history;
        this.changes = changes;
        this.currentUsers = currentUsers;
        this.usage = usage;
        this.clock = clock;
    }

    /**
     * What the Clients list shows.
     *
     * @param search          part of the client's, billing contact's or a student's name, or the email
     * @param autopay         {@code true}/{@code false} to filter on autopay, {@code null} for either
     * @param onlyIds         restrict to these clients (e.g. those with unbilled sessions), or {@code null}
     * @param includeInactive also list deactivated clients
     */
    public record ListFilter(String search, Boolean autopay, Collection<Long> onlyIds, boolean includeInactive) {
    }

    /**
     * @return a page of the clients the caller may manage
     * @throws AccessDeniedException for a tutor without Enhanced Access
     */
    @Transactional(readOnly = true)
    public Page<ClientRow> list(ListFilter filter, Pageable pageable) {
        Long addedBy = scope(currentUsers.require());
        if (filter.onlyIds() != null && filter.onlyIds().isEmpty()) {
            return Page.empty(pageable);
        }
        String search = filter.search() == null || filter.search().isBlank() ? ""
                : "%" + filter.search().strip().toLowerCase(Locale.ROOT) + "%";
        return clients.findRows(addedBy, filter.includeInactive(), filter.autopay(), filter.onlyIds() != null,
                filter.onlyIds() == null ? List.of(-1L) : filter.onlyIds(), search, pageable);
    }

    /**
     * @return whether the caller may manage clients at all (admin, or tutor with Enhanced Access)
     */
    @Transactional(readOnly = true)
    public boolean mayManageClients() {
        CurrentUser user = currentUsers.require();
        return user.isAdmin() || user.enhancedAccess();
    }

    /**
     * @throws NotFoundException when the client does not exist or the caller may not manage it
     */
    @Transactional(readOnly = true)
    public ClientDetails get(long id) {
        return details(manageable(id));
    }

    /**
     * Adds a client. When the student pays (an adult), the student is added too, with the billing
     * contact's name and email.
     *
     * @return the new client's id
     * @throws InvalidFieldException naming the field
     * @throws AccessDeniedException for a tutor without Enhanced Access
     */
    @Transactional
    public long create(ClientForm form) {
        CurrentUser user = currentUsers.require();
        Long addedBy = scope(user);
        Client client = new Client("x", "x", "x@x", clock.instant());
        apply(client, form);
        client.setAddedByTutorId(addedBy);
        clients.saveAndFlush(client);
        if (form.studentPays()) {
            Student student = new Student(client, client.getBillingContactName(), null, clock.instant());
            student.update(client.getBillingContactName(), null, client.getBillingContactEmail(), null);
            students.saveAndFlush(student);
        }
        return client.getId();
    }

    /**
     * Saves the client form; each changed detail (name, billing contact name, email, phone, address) is
     * recorded on the client's history with the staff member who saved it (issue 18). Changing the
     * billing email here does not change the family's portal sign-in email (only the family's own,
     * confirmed change does both: {@link FamilyContactService}).
     *
     * @throws InvalidFieldException naming the field
     * @throws org.springframework.orm.ObjectOptimisticLockingFailureException when changed meanwhile
     *         (by another staff member, or by the family in the portal)
     */
    @Transactional
    public void update(long id, long expectedVersion, ClientForm form) {
        CurrentUser user = currentUsers.require();
        Client client = manageable(id);
        Versions.require(Client.class, id, client.getVersion(), expectedVersion);
        ClientChangeLog.Snapshot before = ClientChangeLog.Snapshot.of(client);
        String oldName = client.getName();
        apply(client, form);
        clients.saveAndFlush(client);
        history.byStaff(id, before, ClientChangeLog.Snapshot.of(client), user);
        if (!oldName.equals(client.getName())) {
            events.publishEvent(new NameChanged(NameChanged.Kind.CLIENT, id, client.getName()));
        }
    }

    /**
     * The client's history (issue 18): every change of its details, newest first, by staff or by the
     * family in the portal. Visible to whoever may open the client's page.
     *
     * @throws NotFoundException when the client does not exist or the caller may not manage it
     */
    @Transactional(readOnly = true)
    public List<ClientHistoryRow> history(long clientId) {
        manageable(clientId);
        return changes.findHistory(clientId);
    }

    /** Deactivates or reactivates a client (kept with its history; offered nowhere new). */
    @Transactional
    public void setActive(long id, boolean active) {
        Client client = manageable(id);
        client.setActive(active);
        clients.saveAndFlush(client);
    }

    /** @return whether the client and its students may be deleted (none has an engagement) */
    @Transactional(readOnly = true)
    public boolean deletable(long id) {
        manageable(id);
        return PeopleUsages.of(usage).engagementsOfClient(id) == 0;
    }

    /**
     * Deletes a client with its students, when none of them has an engagement.
     *
     * @throws RuleViolationException otherwise: deactivate instead
     */
    @Transactional
    public void delete(long id) {
        Client client = manageable(id);
        long engagements = PeopleUsages.of(usage).engagementsOfClient(id);
        if (engagements > 0) {
            throw new RuleViolationException(client.getName() + " has " + PeopleUsages.uses(0, "", engagements)
                    + ": deactivate the client instead of deleting.");
        }
        students.deleteAll(students.findByClientId(id));
        clients.delete(client);
        clients.flush();
    }

    /** @return the client's students, active first (whoever may manage the client) */
    @Transactional(readOnly = true)
    public List<StudentRow> students(long clientId) {
        manageable(clientId);
        PeopleUsage counts = PeopleUsages.of(usage);
        return students.findRowsOfClient(clientId).stream()
                .map(s -> s.withDeletable(counts.engagementsOfStudent(s.id()) == 0))
                .toList();
    }

    /**
     * Adds a student to a client.
     *
     * @throws InvalidFieldException naming the field (the name must be unique within the client)
     */
    @Transactional
    public long addStudent(long clientId, StudentForm form) {
        Client client = manageable(clientId);
        if (!client.isActive()) {
            throw new RuleViolationException("Reactivate " + client.getName() + " before adding students.");
        }
        Student student = new Student(client, "x", null, clock.instant());
        applyStudent(student, clientId, 0, form);
        return students.saveAndFlush(student).getId();
    }

    /**
     * @throws InvalidFieldException naming the field
     * @throws org.springframework.orm.ObjectOptimisticLockingFailureException when changed meanwhile
     */
    @Transactional
    public void updateStudent(long studentId, long expectedVersion, StudentForm form) {
        Student student = manageableStudent(studentId);
        Versions.require(Student.class, studentId, student.getVersion(), expectedVersion);
        String oldName = student.getName();
        applyStudent(student, student.getClient().getId(), studentId, form);
        students.saveAndFlush(student);
        if (!oldName.equals(student.getName())) {
            events.publishEvent(new NameChanged(NameChanged.Kind.STUDENT, studentId, student.getName()));
        }
    }

    /** Deactivates or reactivates a student. */
    @Transactional
    public void setStudentActive(long studentId, boolean active) {
        Student student = manageableStudent(studentId);
        student.setActive(active);
        students.saveAndFlush(student);
    }

    /**
     * Deletes a student without engagements.
     *
     * @throws RuleViolationException when the student has engagements: deactivate instead
     */
    @Transactional
    public void deleteStudent(long studentId) {
        Student student = manageableStudent(studentId);
        long engagements = PeopleUsages.of(usage).engagementsOfStudent(studentId);
        if (engagements > 0) {
            throw new RuleViolationException(student.getName() + " has " + PeopleUsages.uses(0, "", engagements)
                    + ": deactivate the student instead of deleting.");
        }
        students.delete(student);
        students.flush();
    }

    /**
     * @param search part of the student's or client's name, or blank
     * @return active students of active clients the caller may manage, by name, for choosing one
     *         for an engagement
     */
    @Transactional(readOnly = true)
    public List<StudentRow> pickableStudents(String search, Pageable pageable) {
        Long addedBy = scope(currentUsers.require());
        String term = search == null || search.isBlank() ? "" : "%" + search.strip().toLowerCase(Locale.ROOT) + "%";
        return students.findPickable(addedBy, term, pageable);
    }

    /**
     * The student, if the caller may manage the student's client, for creating an engagement in
     * the same transaction.
     *
     * @throws NotFoundException when it does not exist or is not the caller's to manage
     */
    @Transactional(readOnly = true)
    public Student requireManageableStudent(long studentId) {
        return manageableStudent(studentId);
    }

    /**
     * Every client's identifying fields, oldest first, read in one query so that a file of
     * thousands of rows can be matched without a query per row (import from spreadsheets, issue 19).
     *
     * @throws AccessDeniedException unless the caller is an admin
     */
    @Transactional(readOnly = true)
    public List<ClientKey> keys() {
        currentUsers.requireAdmin();
        return clients.findKeys();
    }

    /**
     * @return whether the caller may manage this client (admins; the Enhanced-Access tutor who added it)
     */
    @Transactional(readOnly = true)
    public boolean mayManage(long clientId) {
        CurrentUser user = currentUsers.require();
        return clients.findById(clientId).map(c -> mayManage(user, c)).orElse(false);
    }

    /** @return whether {@code user} may manage {@code client} (domain.md "Roles") */
    static boolean mayManage(CurrentUser user, Client client) {
        return user.isAdmin()
                || (user.enhancedAccess() && Objects.equals(client.getAddedByTutorId(), user.tutorId()));
    }

    /** @return {@code null} for admins (all clients), the tutor's id for Enhanced Access */
    private static Long scope(CurrentUser user) {
        if (user.isAdmin()) {
            return null;
        }
        if (user.enhancedAccess()) {
            return user.tutorId();
        }
        throw new AccessDeniedException("Only admins and tutors with Enhanced Access manage clients");
    }

    private Client manageable(long id) {
        CurrentUser user = currentUsers.require();
        return clients.findById(id).filter(c -> mayManage(user, c))
                .orElseThrow(() -> new NotFoundException("Client", id));
    }

    private Student manageableStudent(long studentId) {
        CurrentUser user = currentUsers.require();
        return students.findById(studentId).filter(s -> mayManage(user, s.getClient()))
                .orElseThrow(() -> new NotFoundException("Student", studentId));
    }

    private void apply(Client client, ClientForm form) {
        String name = Fields.required("name", "Client name", form.name(), Client.NAME_MAX_LENGTH);
        String contactLabel = form.studentPays() ? "Student's name" : "Billing contact name";
        String contactName = Fields.required("contactName", contactLabel, form.contactName(), Client.NAME_MAX_LENGTH);
        String emailLabel = form.studentPays() ? "Student's email" : "Billing contact email";
        String email = Fields.email("contactEmail", emailLabel, form.contactEmail(), Client.EMAIL_MAX_LENGTH, true);
        String phone = Fields.phone("contactPhone", "Phone", form.contactPhone(), Client.PHONE_MAX_LENGTH);
        String address = Fields.optional("address", "Address", form.address(), Client.ADDRESS_MAX_LENGTH);
        if (form.autopay() && !client.isAutopay() && client.getCard() == null) {
            // Issue 8: automatic payments only with a card on file (switched on from the client's card section).
            throw new InvalidFieldException("autopay", "Automatic payments need a card on file: send the card setup"
                    + " link from the client's page first");
        }
        client.update(name, contactName, email, phone, form.studentPays(), address, form.autopay());
    }

    private void applyStudent(Student student, long clientId, long studentId, StudentForm form) {
        String name = Fields.required("name", "Student name", form.name(), Student.NAME_MAX_LENGTH);
        if (students.nameTaken(clientId, name, studentId)) {
            throw new InvalidFieldException("name", "This client already has a student named " + name);
        }
        String grade = Fields.optional("gradeLevel", "Grade or level", form.gradeLevel(), Student.GRADE_MAX_LENGTH);
        String email = Fields.email("email", "Student email", form.email(), Student.EMAIL_MAX_LENGTH, false);
        String notes = Fields.optional("notes", "Notes", form.notes(), Student.NOTES_MAX_LENGTH);
        student.update(name, grade, email, notes);
    }

    private static ClientDetails details(Client c) {
        return new ClientDetails(c.getId(), new ClientForm(c.getName(), c.getBillingContactName(),
                c.getBillingContactEmail(), c.getBillingContactPhone(), c.isStudentPays(), c.getAddress(),
                c.isAutopay()), c.isActive(), c.getAddedByTutorId(), c.getCreatedAt(), c.getVersion());
    }
}
