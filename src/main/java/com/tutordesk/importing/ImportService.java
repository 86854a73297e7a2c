package com.tutordesk.importing;

import com.tutordesk.session.Cancellation;
import com.tutordesk.session.LogSessionRequest;
import com.tutordesk.session.SessionLoggingService;
import com.tutordesk.shared.InvalidFieldException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import com.tutordesk.engagement.EngagementChange;
import com.tutordesk.engagement.EngagementForm;
import com.tutordesk.engagement.EngagementRow;
import com.tutordesk.engagement.EngagementService;
import com.tutordesk.people.ClientDetails;
import com.tutordesk.people.ClientForm;
import com.tutordesk.people.ClientKey;
import com.tutordesk.people.ClientService;
import com.tutordesk.people.StudentForm;
import com.tutordesk.people.StudentRow;
import com.tutordesk.people.SubjectRow;
import com.tutordesk.people.SubjectService;
import com.tutordesk.people.TutorDetails;
import com.tutordesk.people.TutorForm;
import com.tutordesk.people.TutorRow;
import com.tutordesk.people.TutorService;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.RuleViolationException;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one file of tutors, subjects, clients or engagements (issue 19, admins only).
 *
 * <p>A dry run and an import do the same work through the people and engagement services (so the
 * same validation applies as on the forms); the dry run rolls its transaction back, the import
 * commits it only when no row has an error, so a file is imported whole or not at all. Rows are
 * matched against existing records — tutors by email, subjects by name, clients by billing contact
 * email or by client name + billing contact name, students by name within their client,
 * engagements by tutor + student + subject — and against earlier rows of the same file, so running
 * a file twice creates its records once. Matches are updated with the row's non-blank values or
 * left alone, as the caller chooses ({@link MatchPolicy}).
 */
@Service
public class ImportService {

    private static final Map<String, String> CLIENT_FIELDS = Map.of("name", "name", "contactName", "contactName",
            "contactEmail", "contactEmail", "contactPhone", "contactPhone", "address", "address");
    private static final Map<String, String> STUDENT_FIELDS = Map.of("name", "studentName", "gradeLevel",
            "gradeLevel", "email", "studentEmail", "notes", "notes");
    private static final Map<String, String> TUTOR_FIELDS = Map.of("name", "name", "email", "email", "phone",
            "phone", "subjects", "subjects");
    private static final Map<String, String> SUBJECT_FIELDS = Map.of("name", "name");
    private static final Map<String, String> SESSION_FIELDS = Map.of("duration", "duration", "location", "location",
            "date", "date", "startTime", "time");
    private static final Map<String, String> ENGAGEMENT_FIELDS = Map.of("tutor", "tutor", "student", "student",
            "subject", "subject", "clientRate", "clientRate", "tutorWage", "tutorWage", "duration", "duration");

    /** Rows after which the persistence context is emptied (all is flushed by then). */
    private static final int CLEAR_EVERY = 100;

    private final SessionLoggingService logging;
    private final Clock clock;
    private final ClientService clients;
    private final TutorService tutors;
    private final SubjectService subjects;
    private final EngagementService engagements;
    private final SettingsService settings;
    private final CurrentUserService currentUsers;
    private final TransactionTemplate transactions;
    private final EntityManager entityManager;

    ImportService(ClientService clients, TutorService tutors, SubjectService subjects, EngagementService engagements,
            SettingsService settings, CurrentUserService currentUsers, PlatformTransactionManager transactionManager,
            EntityManager entityManager, SessionLoggingService logging, Clock clock) {
        this.logging = logging;
        this.clock = clock;
        this.clients = clients;
        this.tutors = tutors;
        this.subjects = subjects;
        this.engagements = engagements;
        this.settings = settings;
        this.currentUsers = currentUsers;
        this.transactions = new TransactionTemplate(transactionManager);
        this.entityManager = entityManager;
    }

    /**
     * Reads an uploaded .csv or .xlsx file.
     *
     * @throws com.tutordesk.shared.InvalidFieldException "file" when it cannot be read (names the file and the way out)
     * @throws AccessDeniedException unless the caller is an admin
     */
    public Spreadsheet read(String fileName, byte[] content) {
        currentUsers.requireAdmin();
        return Spreadsheet.read(fileName, content);
    }

    /**
     * @return the mapping guessed from the file's headers (see {@link ColumnMapping#guess})
     * @throws AccessDeniedException unless the caller is an admin
     */
    public ColumnMapping guess(ImportKind kind, Spreadsheet sheet) {
        currentUsers.requireAdmin();
        return ColumnMapping.guess(kind, sheet.headers());
    }

    /**
     * @return how amounts are written in the business locale, e.g. "1,234.50"
     * @throws AccessDeniedException unless the caller is an admin
     */
    public String amountFormat() {
        currentUsers.requireAdmin();
        BusinessProfile profile = settings.profile();
        return new CellValues(profile.locale(), profile.currency()).amountExample();
    }

    /**
     * @return how dates are written in the business locale besides ISO, e.g. "10/5/2026"
     * @throws AccessDeniedException unless the caller is an admin
     */
    public String dateFormat() {
        currentUsers.requireAdmin();
        BusinessProfile profile = settings.profile();
        return new CellValues(profile.locale(), profile.currency()).dateExample();
    }

    /**
     * Imports the file in a transaction that is rolled back: what the import would do, row by row,
     * with every error; nothing is written.
     *
     * @throws AccessDeniedException unless the caller is an admin
     */
    public ImportResult dryRun(ImportKind kind, Spreadsheet sheet, ColumnMapping mapping, MatchPolicy policy) {
        currentUsers.requireAdmin();
        return transactions.execute(status -> {
            status.setRollbackOnly();
            return apply(kind, sheet, mapping, policy, false);
        });
    }

    /**
     * Imports the file in one transaction.
     *
     * @return what each row did
     * @throws ImportRefusedException when any row has an error (nothing is written); it carries the rows
     * @throws AccessDeniedException unless the caller is an admin
     */
    @Transactional(rollbackFor = ImportRefusedException.class)
    public ImportResult run(ImportKind kind, Spreadsheet sheet, ColumnMapping mapping, MatchPolicy policy) {
        currentUsers.requireAdmin();
        ImportResult result = apply(kind, sheet, mapping, policy, true);
        if (result.errorRows() > 0) {
            throw new ImportRefusedException(result);
        }
        return result;
    }

    /**
     * @return a CSV template for the kind: the headers the import recognises and one example row,
     *         UTF-8 with a byte-order mark so that spreadsheets open it as UTF-8
     * @throws AccessDeniedException unless the caller is an admin
     */
    public byte[] template(ImportKind kind) {
        currentUsers.requireAdmin();
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        String example = amountFormat();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(kind.fields().stream().map(ImportField::label).toList());
            printer.printRecord(kind.fields().stream().map(f -> exampleValue(f, example)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @return e.g. "tutordesk-clients-template.csv" */
    public static String templateFileName(ImportKind kind) {
        return "tutordesk-" + kind.name().toLowerCase(Locale.ROOT) + "-template.csv";
    }

    private static String exampleValue(ImportField field, String amountExample) {
        if (field.key().equals("clientRate") || field.key().equals("tutorWage")) {
            // The locale's own way of writing an amount, e.g. 65,00 for de-DE.
            return amountExample.replace("1,234", "65").replace("1.234", "65").replace("1 234", "65")
                    .replace("1\u202F234", "65").replace("1\u00A0234", "65").replace("1234", "65");
        }
        return field.example();
    }

    private ImportResult apply(ImportKind kind, Spreadsheet sheet, ColumnMapping mapping, MatchPolicy policy,
            boolean write) {
        Objects.requireNonNull(policy, "policy");
        BusinessProfile profile = settings.profile();
        CellValues values = new CellValues(profile.locale(), profile.currency());
        List<String> missing = kind.fields().stream()
                .filter(f -> f.required() && !mapping.mapped(f.key())).map(ImportField::label).toList();
        if (!missing.isEmpty()) {
            throw new RuleViolationException("Map a column to " + String.join(", ", missing)
                    + " before the dry run: " + (missing.size() == 1 ? "it is" : "they are") + " required.");
        }
        List<ImportRow> rows = new ArrayList<>(sheet.rows().size());
        Rows importer = switch (kind) {
            case SUBJECTS -> new SubjectRows();
            case TUTORS -> new TutorRows();
            case CLIENTS -> new ClientRows(profile);
            case ENGAGEMENTS -> new EngagementRows(profile);
            case SESSIONS -> new SessionRows(profile);
        };
        for (Spreadsheet.SheetRow row : sheet.rows()) {
            RowWork work = new RowWork(kind, mapping, row, values);
            importer.apply(work, policy);
            rows.add(work.result());
            if (rows.size() % CLEAR_EVERY == 0) {
                // Every save flushes; without clearing, each flush would dirty-check every record created so
                // far (quadratic in the file's length). The importers keep ids only, never entities.
                entityManager.flush();
                entityManager.clear();
            }
        }
        return new ImportResult(kind, sheet.fileName(), write, List.copyOf(rows));
    }

    private static String lower(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    private static String orKeep(String value, String existing) {
        return value == null || value.isBlank() ? existing : value.strip();
    }

    /** Imports rows of one kind; keeps what earlier rows of the file created. */
    private interface Rows {
        void apply(RowWork row, MatchPolicy policy);
    }

    private final class SubjectRows implements Rows {
        private final Map<String, SubjectRow> existing = new HashMap<>();
        private final Map<String, Integer> createdInRow = new HashMap<>();

        SubjectRows() {
            subjects.list(true).forEach(s -> existing.put(lower(s.name()), s));
        }

        @Override
        public void apply(RowWork row, MatchPolicy policy) {
            String name = row.required("name");
            if (row.hasErrors()) {
                return;
            }
            Integer earlier = createdInRow.get(lower(name));
            if (earlier != null) {
                row.note("Same subject as row " + earlier);
                return;
            }
            SubjectRow match = existing.get(lower(name));
            if (match != null) {
                row.note("Subject " + match.name() + " exists" + (match.active() ? "" : " (deactivated)"));
                return;
            }
            Long id = row.call(SUBJECT_FIELDS, () -> subjects.create(name));
            if (id != null) {
                createdInRow.put(lower(name), row.number());
                row.created("New subject " + name.strip());
            }
        }
    }

    private final class TutorRows implements Rows {
        private final Map<String, TutorRow> existing = new HashMap<>();
        private final Map<String, Integer> createdInRow = new HashMap<>();
        private final Map<String, SubjectRow> subjectsByName = new HashMap<>();

        TutorRows() {
            tutors.list("", true, Pageable.unpaged()).forEach(t -> existing.put(lower(t.email()), t));
            subjects.list(true).forEach(s -> subjectsByName.put(lower(s.name()), s));
        }

        @Override
        public void apply(RowWork row, MatchPolicy policy) {
            String name = row.name("name", "firstName", "lastName");
            if (name.isEmpty()) {
                row.error("name", "is required (or fill in First name and Last name)");
            }
            String email = row.required("email");
            Set<Long> subjectIds = new LinkedHashSet<>();
            for (String subject : row.text("subjects").split("[;|,]")) {
                if (subject.isBlank()) {
                    continue;
                }
                SubjectRow match = subjectsByName.get(lower(subject));
                if (match == null) {
                    row.error("subjects", "there is no subject named '" + subject.strip() + "' (import subjects first)");
                } else {
                    subjectIds.add(match.id());
                }
            }
            if (row.hasErrors()) {
                return;
            }
            Integer earlier = createdInRow.get(lower(email));
            if (earlier != null) {
                row.note("Same tutor as row " + earlier);
                return;
            }
            TutorRow match = existing.get(lower(email));
            if (match == null) {
                Long id = row.call(TUTOR_FIELDS, () -> tutors.create(new TutorForm(name, email,
                        blankToNull(row.text("phone")), subjectIds, null)));
                if (id != null) {
                    createdInRow.put(lower(email), row.number());
                    row.created("New tutor " + name + " (" + lower(email) + ")");
                }
                return;
            }
            String matched = "Matches tutor " + match.name() + " by email";
            if (policy == MatchPolicy.SKIP) {
                row.note(matched + "; left as it is");
                return;
            }
            TutorDetails details = tutors.get(match.id());
            Set<Long> taught = details.subjects().stream().map(TutorDetails.SubjectRef::id)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            taught.addAll(subjectIds);
            Set<Long> current = details.subjects().stream().map(TutorDetails.SubjectRef::id).collect(Collectors.toSet());
            TutorForm wanted = new TutorForm(orKeep(name, details.name()), details.email(),
                    orKeep(row.text("phone"), details.phone()), taught, details.enhancedAccessOverride());
            if (wanted.name().equals(details.name()) && Objects.equals(wanted.phone(), details.phone())
                    && current.equals(taught)) {
                row.note(matched + "; unchanged");
                return;
            }
            if (row.call(TUTOR_FIELDS, () -> {
                tutors.update(details.id(), details.version(), wanted);
                return true;
            }) != null) {
                row.updated(matched + "; updated");
            }
        }
    }

    private final class ClientRows implements Rows {
        private final Map<String, ClientKey> byEmail = new HashMap<>();
        private final Map<String, ClientKey> byNames = new HashMap<>();
        private final Map<Long, Integer> createdInRow = new HashMap<>();
        private final Map<Long, Map<String, StudentRow>> studentsOf = new HashMap<>();
        private final Set<Long> updatedClients = new java.util.HashSet<>();

        ClientRows(BusinessProfile profile) {
            for (ClientKey key : clients.keys()) {
                byEmail.putIfAbsent(lower(key.contactEmail()), key);
                byNames.putIfAbsent(names(key.name(), key.contactName()), key);
            }
        }

        private static String names(String clientName, String contactName) {
            return lower(clientName) + "\n" + lower(contactName);
        }

        @Override
        public void apply(RowWork row, MatchPolicy policy) {
            String contactName = row.name("contactName", "contactFirstName", "contactLastName");
            if (contactName.isEmpty()) {
                row.error("contactName", "is required (or fill in Contact first name and Contact last name)");
            }
            String email = row.required("contactEmail");
            String clientName = row.text("name").isEmpty() ? contactName : row.text("name");
            boolean studentPays = row.yesNo("studentPays", false);
            String studentName = row.name("studentName", "studentFirstName", "studentLastName");
            if (row.hasErrors()) {
                return;
            }
            ClientKey match = byEmail.get(lower(email));
            String how = "by email";
            if (match == null) {
                match = byNames.get(names(clientName, contactName));
                how = "by client and contact name";
            }
            long clientId;
            if (match == null) {
                ClientForm form = new ClientForm(clientName, contactName, email, blankToNull(row.text("contactPhone")),
                        studentPays, blankToNull(row.text("address")), false);
                Long id = row.call(CLIENT_FIELDS, () -> clients.create(form));
                if (id == null) {
                    return;
                }
                clientId = id;
                ClientKey key = new ClientKey(id, clientName.strip(), contactName.strip(), lower(email));
                byEmail.put(lower(email), key);
                byNames.putIfAbsent(names(clientName, contactName), key);
                createdInRow.put(id, row.number());
                row.created("New client " + clientName.strip() + " (" + lower(email) + ")");
                // The service adds the adult student who pays for themself.
                studentsOf.put(id, new HashMap<>());
                if (studentPays) {
                    studentsOf.get(id).put(lower(contactName), null);
                }
            } else {
                clientId = match.id();
                Integer earlier = createdInRow.get(clientId);
                if (earlier != null) {
                    row.note("Same client as row " + earlier);
                } else if (updatedClients.contains(clientId) || policy == MatchPolicy.SKIP) {
                    row.note("Matches client " + match.name() + " " + how
                            + (policy == MatchPolicy.SKIP ? "; left as it is" : "; updated by an earlier row"));
                } else {
                    updateClient(row, match, how, clientName, contactName, email, studentPays);
                    updatedClients.add(clientId);
                }
            }
            if (!studentName.isEmpty() && !row.hasErrors()) {
                student(row, policy, clientId, studentName);
            }
        }

        private void updateClient(RowWork row, ClientKey match, String how, String clientName, String contactName,
                String email, boolean studentPays) {
            ClientDetails details = clients.get(match.id());
            ClientForm old = details.form();
            ClientForm wanted = new ClientForm(row.text("name").isEmpty() ? old.name() : clientName,
                    orKeep(contactName, old.contactName()), orKeep(email, old.contactEmail()),
                    orKeep(row.text("contactPhone"), old.contactPhone()), row.text("studentPays").isEmpty()
                            ? old.studentPays() : studentPays,
                    orKeep(row.text("address"), old.address()), old.autopay());
            String matched = "Matches client " + match.name() + " " + how;
            if (sameClient(old, wanted)) {
                row.note(matched + "; unchanged");
                return;
            }
            if (row.call(CLIENT_FIELDS, () -> {
                clients.update(details.id(), details.version(), wanted);
                return true;
            }) != null) {
                row.updated(matched + "; updated");
            }
        }

        private static boolean sameClient(ClientForm a, ClientForm b) {
            return a.name().equals(b.name()) && a.contactName().equals(b.contactName())
                    && lower(a.contactEmail()).equals(lower(b.contactEmail()))
                    && Objects.equals(a.contactPhone(), b.contactPhone()) && a.studentPays() == b.studentPays()
                    && Objects.equals(a.address(), b.address());
        }

        private void student(RowWork row, MatchPolicy policy, long clientId, String studentName) {
            Map<String, StudentRow> known = studentsOf.computeIfAbsent(clientId, ImportService.this::studentsByName);
            StudentForm form = new StudentForm(studentName, blankToNull(row.text("gradeLevel")),
                    blankToNull(row.text("studentEmail")), blankToNull(row.text("notes")));
            if (known.containsKey(lower(studentName))) {
                StudentRow existing = known.get(lower(studentName));
                if (existing == null || policy == MatchPolicy.SKIP) {
                    row.note("student " + studentName + " exists");
                    return;
                }
                StudentForm old = existing.form();
                StudentForm wanted = new StudentForm(old.name(), orKeep(form.gradeLevel(), old.gradeLevel()),
                        orKeep(form.email(), old.email()), orKeep(form.notes(), old.notes()));
                if (wanted.equals(old)) {
                    row.note("student " + studentName + " exists, unchanged");
                    return;
                }
                if (row.call(STUDENT_FIELDS, () -> {
                    clients.updateStudent(existing.id(), existing.version(), wanted);
                    return true;
                }) != null) {
                    known.put(lower(studentName), null);
                    row.updated("student " + studentName + " updated");
                }
                return;
            }
            Long id = row.call(STUDENT_FIELDS, () -> clients.addStudent(clientId, form));
            if (id != null) {
                known.put(lower(studentName), null);
                row.created("new student " + studentName);
            }
        }
    }

    private class EngagementRows implements Rows {
        private final BusinessProfile profile;
        final Map<String, List<TutorRow>> tutorsByKey = new HashMap<>();
        private final Map<String, List<ClientKey>> clientsByKey = new HashMap<>();
        private final Map<String, SubjectRow> subjectsByName = new HashMap<>();
        private final Map<Long, Map<String, StudentRow>> studentsOf = new HashMap<>();
        private final Map<Long, Integer> createdInRow = new HashMap<>();

        EngagementRows(BusinessProfile profile) {
            this.profile = profile;
            for (TutorRow tutor : tutors.list("", true, Pageable.unpaged())) {
                tutorsByKey.computeIfAbsent(lower(tutor.email()), k -> new ArrayList<>()).add(tutor);
                tutorsByKey.computeIfAbsent(lower(tutor.name()), k -> new ArrayList<>()).add(tutor);
            }
            for (ClientKey client : clients.keys()) {
                clientsByKey.computeIfAbsent(lower(client.contactEmail()), k -> new ArrayList<>()).add(client);
                if (!lower(client.name()).equals(lower(client.contactEmail()))) {
                    clientsByKey.computeIfAbsent(lower(client.name()), k -> new ArrayList<>()).add(client);
                }
            }
            subjects.list(true).forEach(s -> subjectsByName.put(lower(s.name()), s));
        }

        @Override
        public void apply(RowWork row, MatchPolicy policy) {
            TutorRow tutor = one(row, "tutor", tutorsByKey, "tutor", "import tutors first");
            SubjectRow subject = subject(row);
            StudentRow student = student(row);
            Long rate = row.amount("clientRate", true);
            Long wage = row.amount("tutorWage", true);
            Integer minutes = row.minutes("duration", 60);
            if (row.hasErrors()) {
                return;
            }
            String label = tutor.name() + " teaches " + student.name() + " " + subject.name();
            var existing = engagements.find(tutor.id(), student.id(), subject.id());
            if (existing.isEmpty()) {
                final SubjectRow chosen = subject;
                Long id = row.call(ENGAGEMENT_FIELDS, () -> engagements.create(new EngagementForm(tutor.id(),
                        student.id(), chosen.id(), rate, wage, minutes)));
                if (id != null) {
                    createdInRow.put(id, row.number());
                    row.created("New engagement: " + label + " at " + profile.formatMoney(rate) + "/h (wage "
                            + profile.formatMoney(wage) + "/h, " + BusinessProfile.formatDuration(minutes) + ")");
                }
                return;
            }
            EngagementRow match = existing.get();
            Integer earlier = createdInRow.get(match.id());
            if (earlier != null) {
                row.note("Same engagement as row " + earlier);
                return;
            }
            String matched = "Matches engagement #" + match.id() + ": " + label;
            if (policy == MatchPolicy.SKIP) {
                row.note(matched + "; left as it is");
                return;
            }
            if (Objects.equals(match.clientRateMinor(), rate) && match.tutorWageMinor() == wage
                    && match.defaultDurationMinutes() == minutes) {
                row.note(matched + "; unchanged");
                return;
            }
            if (row.call(ENGAGEMENT_FIELDS, () -> {
                engagements.update(match.id(), match.version(), new EngagementChange(rate, wage, minutes));
                return true;
            }) != null) {
                row.updated(matched + "; rates or length updated (sessions keep their rates)");
            }
        }

        SubjectRow subject(RowWork row) {
            String subjectName = row.required("subject");
            if (subjectName.isEmpty()) {
                return null;
            }
            SubjectRow subject = subjectsByName.get(lower(subjectName));
            if (subject == null) {
                row.error("subject", "there is no subject named '" + subjectName + "' (import subjects first)");
            }
            return subject;
        }

        <T> T one(RowWork row, String field, Map<String, List<T>> byKey, String what, String wayOut) {
            String key = row.required(field);
            if (key.isEmpty()) {
                return null;
            }
            List<T> found = byKey.getOrDefault(lower(key), List.of());
            if (found.isEmpty()) {
                row.error(field, "there is no " + what + " '" + key + "' (" + wayOut + ")");
                return null;
            }
            if (found.size() > 1) {
                row.error(field, found.size() + " " + what + "s are called '" + key + "': use the email instead");
                return null;
            }
            return found.get(0);
        }

        StudentRow student(RowWork row) {
            String studentName = row.required("student");
            List<StudentRow> candidates;
            if (!row.text("client").isEmpty()) {
                ClientKey client = one(row, "client", clientsByKey, "client", "import clients first");
                if (client == null || studentName.isEmpty()) {
                    return null;
                }
                StudentRow found = studentsOf.computeIfAbsent(client.id(), ImportService.this::studentsByName)
                        .get(lower(studentName));
                candidates = found == null ? List.of() : List.of(found);
            } else {
                if (studentName.isEmpty()) {
                    return null;
                }
                candidates = clients.pickableStudents(studentName, PageRequest.of(0, 50)).stream()
                        .filter(s -> lower(s.name()).equals(lower(studentName))).toList();
            }
            if (candidates.isEmpty()) {
                row.error("student", "there is no " + (row.text("client").isEmpty() ? "" : "such ")
                        + "student named '" + studentName + "' (import clients first)");
                return null;
            }
            if (candidates.size() > 1) {
                row.error("student", candidates.size() + " students are named '" + studentName
                        + "': fill in the Client column");
                return null;
            }
            return candidates.get(0);
        }
    }

    /**
     * Past sessions (issue 19): each row is logged through the session module, as Log Session would log
     * it (amounts from the engagement's rates, rounded once; history recorded), with a request key made
     * of the engagement, date and time, so that a file run twice logs each session once.
     */
    private final class SessionRows extends EngagementRows {
        private final BusinessProfile profile;
        private final Map<String, Integer> loggedInRow = new HashMap<>();

        SessionRows(BusinessProfile profile) {
            super(profile);
            this.profile = profile;
        }

        @Override
        public void apply(RowWork row, MatchPolicy policy) {
            TutorRow tutor = one(row, "tutor", tutorsByKey, "tutor", "import tutors first");
            SubjectRow subject = subject(row);
            StudentRow student = student(row);
            LocalDate date = row.date("date");
            LocalTime time = row.time("time", profile.uses12HourClock());
            Cancellation cancellation = cancellation(row);
            if (row.hasErrors()) {
                return;
            }
            var found = engagements.find(tutor.id(), student.id(), subject.id());
            if (found.isEmpty()) {
                row.rowError("there is no engagement of " + tutor.name() + " with " + student.name() + " for "
                        + subject.name() + " (import engagements first)");
                return;
            }
            EngagementRow engagement = found.get();
            Integer minutes = row.minutes("duration", engagement.defaultDurationMinutes());
            if (row.hasErrors()) {
                return;
            }
            if (!date.atTime(time).isBefore(profile.local(clock.instant()).toLocalDateTime())) {
                row.error("date", date + " " + time + " is not in the past: only past sessions are imported"
                        + " (schedule upcoming ones with Log Session)");
                return;
            }
            String key = "import:" + engagement.id() + ":" + date + "T" + time;
            String label = student.name() + " with " + tutor.name() + ", " + subject.name() + ", " + date + " "
                    + time.format(java.time.format.DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.SHORT)
                            .withLocale(profile.locale())) + ", " + BusinessProfile.formatDuration(minutes);
            Integer earlier = loggedInRow.get(key);
            if (earlier != null) {
                row.note("Same session as row " + earlier);
                return;
            }
            var logged = logging.loggedWith(key);
            if (logged.isPresent()) {
                // A logged session changes through Edit Session (its history, invoices and payroll depend on
                // it), never silently from a file: both policies leave it as it is.
                row.note("Matches session #" + logged.get() + " imported before: " + label + "; left as it is");
                return;
            }
            String location = blankToNull(row.text("location"));
            Long id = row.call(SESSION_FIELDS, () -> {
                try {
                    return logging.logSession(new LogSessionRequest(engagement.id(), date, time, minutes, location,
                            cancellation, key));
                } catch (InvalidFieldException e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    row.rowError(e.getMessage());
                    return null;
                }
            });
            if (id != null) {
                loggedInRow.put(key, row.number());
                row.created("New session: " + label + (cancellation == Cancellation.NONE ? ""
                        : " (" + cancellation.label().toLowerCase(Locale.ROOT) + ")"));
            }
        }

        private Cancellation cancellation(RowWork row) {
            String status = lower(row.text("status")).replace('-', ' ').replace('_', ' ');
            return switch (status) {
                case "", "completed", "complete", "attended", "done", "delivered", "held" -> Cancellation.NONE;
                case "cancelled", "canceled", "cancelled in time", "canceled in time" -> Cancellation.IN_TIME;
                case "late cancelled", "late canceled", "late cancellation", "no show", "noshow", "missed" ->
                        Cancellation.LATE;
                default -> {
                    row.error("status", "'" + row.text("status") + "' is not a status (write completed, cancelled"
                            + " or late cancelled)");
                    yield null;
                }
            };
        }
    }

    /** @return the client's students by lower-case name (names are unique within a client) */
    private Map<String, StudentRow> studentsByName(long clientId) {
        Map<String, StudentRow> map = new HashMap<>();
        clients.students(clientId).forEach(s -> map.put(lower(s.name()), s));
        return map;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
