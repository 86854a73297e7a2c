package com.tutordesk.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.people.ClientForm;
import com.tutordesk.people.ClientService;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Import from spreadsheets (issue 19): a dry run reports a broken file's errors by row and column and
 * writes nothing; a good file imported twice creates its records once; a mixed file matches as the
 * preview said; a file with any error is not imported at all.
 */
@IntegrationTest
class ImportServiceIT {

    @Autowired
    ImportService imports;

    @Autowired
    ClientService clients;

    @Autowired
    SignIn signIn;

    @Autowired
    SettingsService settings;

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

    private Spreadsheet csv(String text) {
        return imports.read("clients.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private ImportResult dryRun(ImportKind kind, Spreadsheet sheet, MatchPolicy policy) {
        return imports.dryRun(kind, sheet, imports.guess(kind, sheet), policy);
    }

    private ImportResult run(ImportKind kind, Spreadsheet sheet, MatchPolicy policy) {
        return imports.run(kind, sheet, imports.guess(kind, sheet), policy);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Test
    void a_dry_run_of_a_broken_client_file_reports_every_error_with_row_and_column_and_writes_nothing() {
        String good = TestData.unique("good") + "@example.org";
        Spreadsheet sheet = csv("""
                Family,Parent First Name,Parent Last Name,Parent Email,Phone,Student,Adult student
                Good family,Gina,Good,%s,,Gus Good,no
                No email family,Nora,Noemail,,,Ned,no
                Bad email family,Bea,Bad,not-an-email,,Bo,no
                ,,,,,,
                Phone family,Pia,Phone,%s,call me maybe,Pete,maybe
                """.formatted(good, TestData.unique("phone") + "@example.org"));
        int clientsBefore = count("select count(*) from clients");
        int studentsBefore = count("select count(*) from students");

        ImportResult result = dryRun(ImportKind.CLIENTS, sheet, MatchPolicy.SKIP);

        assertThat(result.written()).isFalse();
        assertThat(result.rows()).extracting(ImportRow::row).containsExactly(2, 3, 4, 6);
        assertThat(result.rows()).extracting(ImportRow::action)
                .containsExactly(RowAction.CREATE, RowAction.ERROR, RowAction.ERROR, RowAction.ERROR);
        assertThat(result.errors()).containsExactly(
                "row 3, Billing contact email: is required",
                "row 4, Billing contact email: must be a valid address such as name@example.org",
                "row 6, Student pays: 'maybe' is not yes or no");
        assertThat(result.rows().get(0).description()).contains("New client Good family (" + good + ")")
                .contains("new student Gus Good");
        assertThat(count("select count(*) from clients")).isEqualTo(clientsBefore);
        assertThat(count("select count(*) from students")).isEqualTo(studentsBefore);
        assertThat(count("select count(*) from clients where billing_contact_email = ?", good)).isZero();
    }

    @Test
    void an_amount_written_for_another_locale_is_named_with_its_row_column_and_the_expected_format() {
        Spreadsheet sheet = imports.read("engagements.csv", """
                Tutor,Student,Subject,Rate,Tutor wage,Length
                nobody@example.org,Nobody,Nothing,"45,00",30.005,ninety
                """.getBytes(StandardCharsets.UTF_8));

        ImportResult result = dryRun(ImportKind.ENGAGEMENTS, sheet, MatchPolicy.SKIP);

        assertThat(imports.amountFormat()).isEqualTo("1,234.50");
        assertThat(result.errors()).containsExactly(
                "row 2, Tutor: there is no tutor 'nobody@example.org' (import tutors first)",
                "row 2, Subject: there is no subject named 'Nothing' (import subjects first)",
                "row 2, Student: there is no student named 'Nobody' (import clients first)",
                "row 2, Client rate: '45,00' is not an amount (write it like 1,234.50)",
                "row 2, Tutor wage: '30.005' has too many decimals: USD amounts have 2",
                "row 2, Default length (minutes): 'ninety' is not a length (write minutes, e.g. 60, or h:mm, e.g. 1:30)");
    }

    @Test
    void a_good_client_file_imported_twice_creates_its_records_once() {
        String chen = TestData.unique("chen") + "@example.org";
        String okafor = TestData.unique("okafor") + "@example.org";
        Spreadsheet sheet = csv("""
                Client name,Billing contact name,Billing contact email,Phone,Student name,Grade
                Chen family,Wei Chen,%s,+1 212 555 0188,Lily Chen,Grade 9
                Chen family,Wei Chen,%s,+1 212 555 0188,Max Chen,Grade 6
                Okafor family,Ada Okafor,%s,,Chidi Okafor,College
                """.formatted(chen, chen.toUpperCase(), okafor));

        ImportResult first = run(ImportKind.CLIENTS, sheet, MatchPolicy.UPDATE);
        assertThat(first.written()).isTrue();
        assertThat(first.rows()).extracting(ImportRow::action)
                .containsExactly(RowAction.CREATE, RowAction.CREATE, RowAction.CREATE);
        assertThat(first.rows().get(1).description()).isEqualTo("Same client as row 2; new student Max Chen");

        ImportResult again = dryRun(ImportKind.CLIENTS, sheet, MatchPolicy.UPDATE);
        assertThat(again.rows()).extracting(ImportRow::action)
                .containsExactly(RowAction.SKIP, RowAction.SKIP, RowAction.SKIP);
        ImportResult second = run(ImportKind.CLIENTS, sheet, MatchPolicy.UPDATE);
        assertThat(second.rows()).isEqualTo(again.rows().stream().toList());
        assertThat(second.created()).isZero();

        assertThat(count("select count(*) from clients where billing_contact_email in (?, ?)", chen, okafor)).isEqualTo(2);
        assertThat(count("select count(*) from students s join clients c on c.id = s.client_id"
                + " where c.billing_contact_email = ?", chen)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select grade_level from students s join clients c on c.id = s.client_id"
                + " where c.billing_contact_email = ? and s.name = 'Chidi Okafor'", String.class, okafor))
                .isEqualTo("College");
    }

    @Test
    void a_mixed_file_matches_existing_clients_as_the_preview_said() {
        String known = TestData.unique("known") + "@example.org";
        String byName = TestData.unique("Byname family");
        String fresh = TestData.unique("fresh") + "@example.org";
        long knownId = clients.create(new ClientForm("Known family", "Kim Known", known, null, false, null, false));
        long byNameId = clients.create(new ClientForm(byName, "Bo Byname", TestData.unique("old") + "@example.org",
                null, false, null, false));
        Spreadsheet sheet = csv("""
                Family,Parent,Email,Phone,Student
                Known family,Kim Known,%s,+1 646 555 0101,Kai Known
                %s,Bo Byname,%s,,
                Fresh family,Fay Fresh,%s,,Finn Fresh
                """.formatted(known, byName, TestData.unique("new") + "@example.org", fresh));

        ImportResult preview = dryRun(ImportKind.CLIENTS, sheet, MatchPolicy.UPDATE);
        assertThat(preview.rows()).extracting(ImportRow::action)
                .containsExactly(RowAction.CREATE, RowAction.UPDATE, RowAction.CREATE);
        assertThat(preview.rows().get(0).description())
                .isEqualTo("Matches client Known family by email; updated; new student Kai Known");
        assertThat(preview.rows().get(1).description())
                .isEqualTo("Matches client " + byName + " by client and contact name; updated");
        assertThat(jdbc.queryForObject("select billing_contact_phone from clients where id = ?", String.class, knownId))
                .isNull();

        ImportResult imported = run(ImportKind.CLIENTS, sheet, MatchPolicy.UPDATE);

        assertThat(imported.rows()).isEqualTo(preview.rows());
        assertThat(jdbc.queryForObject("select billing_contact_phone from clients where id = ?", String.class, knownId))
                .isEqualTo("+1 646 555 0101");
        assertThat(count("select count(*) from students where client_id = ?", knownId)).isOne();
        assertThat(count("select count(*) from clients where billing_contact_email = ?", fresh)).isOne();
        assertThat(count("select count(*) from clients where name = ?", byName)).isOne();
        assertThat(count("select count(*) from clients where id = ? and billing_contact_email like 'new-%'", byNameId))
                .isOne();
    }

    @Test
    void a_file_with_one_bad_row_is_not_imported_at_all() {
        String good = TestData.unique("first") + "@example.org";
        Spreadsheet sheet = csv("""
                Client name,Billing contact name,Billing contact email
                First family,Fred First,%s
                Second family,,%s
                """.formatted(good, TestData.unique("second") + "@example.org"));

        assertThatThrownBy(() -> run(ImportKind.CLIENTS, sheet, MatchPolicy.SKIP))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> {
                    assertThat(e.result().errors()).containsExactly("row 3, Billing contact name: is required"
                            + " (or fill in Contact first name and Contact last name)");
                    assertThat(e.getMessage()).startsWith("Nothing was imported: 1 row has errors");
                });
        assertThat(count("select count(*) from clients where billing_contact_email = ?", good)).isZero();
    }

    @Test
    void subjects_tutors_and_engagements_import_in_turn_and_engagements_match_on_a_second_run() {
        String subject = TestData.unique("Algebra");
        String tutorEmail = TestData.unique("maria") + "@example.org";
        String parent = TestData.unique("parent") + "@example.org";
        run(ImportKind.SUBJECTS, imports.read("s.csv", ("Subject\n" + subject + "\n" + subject.toLowerCase() + "\n")
                .getBytes(StandardCharsets.UTF_8)), MatchPolicy.SKIP);
        ImportResult tutors = run(ImportKind.TUTORS, imports.read("t.csv", ("First Name,Last Name,Email,Subjects\n"
                + "Maria,Lopez," + tutorEmail + "," + subject + "\n").getBytes(StandardCharsets.UTF_8)), MatchPolicy.SKIP);
        assertThat(tutors.rows().get(0).description()).isEqualTo("New tutor Maria Lopez (" + tutorEmail + ")");
        run(ImportKind.CLIENTS, csv("Parent,Email,Student\nPat Parent," + parent + ",Sam Student\n"), MatchPolicy.SKIP);
        Spreadsheet engagementsFile = imports.read("e.csv", """
                Tutor,Client,Student,Subject,Hourly rate,Tutor pay,Duration
                %s,%s,Sam Student,%s,$65.00,35,1:30
                """.formatted(tutorEmail, parent, subject).getBytes(StandardCharsets.UTF_8));

        ImportResult first = run(ImportKind.ENGAGEMENTS, engagementsFile, MatchPolicy.UPDATE);
        assertThat(first.rows().get(0).description()).isEqualTo("New engagement: Maria Lopez teaches Sam Student "
                + subject + " at $65.00/h (wage $35.00/h, 1 h 30 min)");
        ImportResult second = run(ImportKind.ENGAGEMENTS, engagementsFile, MatchPolicy.UPDATE);

        assertThat(second.rows()).extracting(ImportRow::action).containsExactly(RowAction.SKIP);
        assertThat(jdbc.queryForList("select client_rate_minor, tutor_wage_minor, default_duration_minutes"
                + " from engagements e join tutors t on t.id = e.tutor_id where t.email = ?", tutorEmail))
                .singleElement().satisfies(row -> assertThat(List.copyOf(row.values()).stream()
                        .map(v -> ((Number) v).longValue()).toList()).containsExactly(6500L, 3500L, 90L));
        assertThat(count("select count(*) from subjects where lower(name) = lower(?)", subject)).isOne();
    }

    @Test
    void past_sessions_import_with_the_engagements_rates_once_however_often_the_file_is_run() {
        String subject = TestData.unique("Chemistry");
        long tutor = data.tutor(TestData.unique("Tutor Imp"));
        String tutorEmail = jdbc.queryForObject("select email from tutors where id = ?", String.class, tutor);
        String student = TestData.unique("Student Imp");
        long engagement = data.engagement(tutor, data.student(data.client(TestData.unique("Imp family")), student),
                data.subject(subject), 6000, 4000);
        Spreadsheet file = imports.read("sessions.csv", """
                Tutor,Student,Subject,Date,Start time,Duration,Status,Location
                %1$s,%2$s,%3$s,11/03/2026,4:30 PM,90,completed,Online
                %1$s,%2$s,%3$s,2026-11-10,4:30 PM,,late cancelled,
                %1$s,%2$s,%3$s,11/17/2026,12:00 PM,45,cancelled,
                %1$s,%2$s,%3$s,11/17/2026,12:00 PM,45,cancelled,
                """.formatted(tutorEmail, student, subject).getBytes(StandardCharsets.UTF_8));

        ImportResult first = run(ImportKind.SESSIONS, file, MatchPolicy.UPDATE);
        // 60 minutes at $60.00/h and $40.00/h, by the business's late-cancellation policy.
        var lateAmounts = settings.profile().lateCancellation();

        assertThat(first.errors()).isEmpty();
        assertThat(first.created()).isEqualTo(3);
        assertThat(first.rows().get(0).description()).isEqualTo("New session: " + student + " with "
                + jdbc.queryForObject("select name from tutors where id = ?", String.class, tutor) + ", " + subject
                + ", 2026-11-03 4:30\u202FPM, 1 h 30 min");
        assertThat(first.rows().get(3).description()).isEqualTo("Same session as row 4");
        assertThat(jdbc.queryForList("select status, duration_minutes, client_amount_minor, tutor_earnings_minor,"
                + " location from tutoring_sessions where engagement_id = ? order by starts_at", engagement))
                .extracting(row -> row.get("status") + " " + row.get("duration_minutes") + " "
                        + row.get("client_amount_minor") + " " + row.get("tutor_earnings_minor") + " " + row.get("location"))
                .containsExactly("COMPLETED 90 9000 6000 Online", "LATE_CANCELLED 60 "
                        + lateAmounts.clientChargePercent() * 60 + " " + lateAmounts.tutorPayPercent() * 40 + " null",
                        "CANCELLED 45 0 0 null");

        ImportResult second = run(ImportKind.SESSIONS, file, MatchPolicy.UPDATE);

        assertThat(second.created()).isZero();
        assertThat(second.rows()).extracting(ImportRow::action).containsOnly(RowAction.SKIP);
        assertThat(count("select count(*) from tutoring_sessions where engagement_id = ?", engagement)).isEqualTo(3);
    }

    @Test
    void a_dry_run_of_a_broken_sessions_file_names_each_bad_cell_and_logs_nothing() {
        String subject = TestData.unique("Physics");
        long tutor = data.tutor(TestData.unique("Tutor Dry"));
        String tutorEmail = jdbc.queryForObject("select email from tutors where id = ?", String.class, tutor);
        String student = TestData.unique("Student Dry");
        long engagement = data.engagement(tutor, data.student(data.client(TestData.unique("Dry family")), student),
                data.subject(subject), 6000, 4000);
        String otherSubject = TestData.unique("Biology");
        data.subject(otherSubject);

        ImportResult result = dryRun(ImportKind.SESSIONS, imports.read("s.csv", """
                Tutor,Student,Subject,Date,Start time,Status
                %1$s,%2$s,%3$s,11/31/2026,4:30 PM,completed
                %1$s,%2$s,%3$s,12/01/2026,4:30 PM,completed
                %1$s,%2$s,%4$s,11/03/2026,4:30 PM,completed
                %1$s,%2$s,%3$s,11/03/2026,25:00,maybe
                %1$s,%2$s,%3$s,11/04/2026,4:30 PM,no-show
                """.formatted(tutorEmail, student, subject, otherSubject).getBytes(StandardCharsets.UTF_8)),
                MatchPolicy.SKIP);

        assertThat(result.errors()).hasSize(5);
        assertThat(result.errors().get(0)).isEqualTo("row 2, Date: '11/31/2026' is not a date (write it like 10/5/2026"
                + " or 2026-10-05)");
        assertThat(result.errors().get(1)).startsWith("row 3, Date: 2026-12-01 16:30 is not in the past");
        assertThat(result.errors().get(2)).startsWith("row 4: there is no engagement of ");
        assertThat(result.errors().get(3)).startsWith("row 5, Start time: ");
        assertThat(result.errors().get(4)).isEqualTo("row 5, Status: 'maybe' is not a status (write completed,"
                + " cancelled or late cancelled)");
        assertThat(result.rows().get(4).action()).isEqualTo(RowAction.CREATE);
        assertThat(count("select count(*) from tutoring_sessions where engagement_id = ?", engagement)).isZero();
    }

    @Test
    void a_tutor_may_not_import() {
        long tutor = data.tutor("Importing Tutor");
        signIn.as(data.tutorLogin(tutor, "Correct-Horse-7"));
        assertThatThrownBy(() -> imports.read("x.csv", "Subject\nX\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
