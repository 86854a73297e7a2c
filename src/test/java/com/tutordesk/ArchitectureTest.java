package com.tutordesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/** Boundaries that Spring Modulith's dependency check does not see, each with its reason. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.tutordesk");

    /** Which module's code writes and reads each table (from the migrations). */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("business_settings", "settings"),
            Map.entry("users", "security"), Map.entry("login_throttle", "security"),
            Map.entry("tutors", "people"), Map.entry("tutor_subjects", "people"), Map.entry("clients", "people"),
            Map.entry("students", "people"), Map.entry("subjects", "people"),
            Map.entry("engagements", "engagement"), Map.entry("engagement_rate_changes", "engagement"),
            Map.entry("tutoring_sessions", "session"), Map.entry("session_history", "session"),
            Map.entry("session_report_drafts", "session"), Map.entry("session_series", "session"),
            Map.entry("mail_messages", "mail"), Map.entry("mail_attachments", "mail"),
            Map.entry("scheduled_tasks", "scheduling"),
            Map.entry("invoice_counters", "billing"), Map.entry("invoices", "billing"),
            Map.entry("invoice_lines", "billing"), Map.entry("invoice_adjustments", "billing"),
            Map.entry("invoice_payments", "billing"),
            Map.entry("payment_attempts", "payment"), Map.entry("payment_refunds", "payment"),
            Map.entry("card_setups", "payment"), Map.entry("stripe_events", "payment"),
            Map.entry("session_reminders", "schedule"), Map.entry("schedule_settings", "schedule"),
            Map.entry("calendar_feeds", "schedule"),
            Map.entry("known_browsers", "security"), Map.entry("sign_in_email_changes", "security"),
            Map.entry("portal_invitations", "security"), Map.entry("payment_settings", "payment"),
            Map.entry("tutor_pay", "payroll"), Map.entry("tutor_pay_lines", "payroll"),
            Map.entry("pay_period_closings", "payroll"), Map.entry("tutor_pay_adjustments", "payroll"),
            Map.entry("tutor_pay_events", "payroll"),
            Map.entry("billing_runs", "billing"), Map.entry("billing_run_clients", "billing"),
            Map.entry("billing_run_sessions", "billing"), Map.entry("billing_settings", "billing"),
            Map.entry("overdue_reminder_opt_outs", "billing"), Map.entry("invoice_reminders", "billing"),
            Map.entry("prepaid_packages", "prepaid"), Map.entry("prepaid_usages", "prepaid"),
            Map.entry("prepaid_settings", "prepaid"),
            Map.entry("session_hour_totals", "session"), Map.entry("client_unbilled_totals", "session"),
            Map.entry("tutor_week_totals", "session"));

    /**
     * Read models and loaders that must read (or, for the demo, write) other modules' tables, each
     * with the tables it may touch and why. Everything else goes through the owning module's API.
     */
    record ReadModel(Set<String> tables, String reason) {
    }

    private static final Set<String> PEOPLE = Set.of("tutors", "students", "clients", "subjects");
    private static final String SESSION_PAGES = "pages a list of up to a million sessions with student, client,"
            + " tutor and subject names, filtered, sorted and summed in one statement each (README \"Performance\")";
    private static final String CALENDAR = "reads a week (or a reminder pass, or a feed) of thousands of sessions"
            + " with their names in one statement, scoped to the viewer inside it";
    private static final String DEMO = "loads a whole demo business into an empty database as batched inserts"
            + " (a million sessions in about two minutes); through every module's services it would take hours";

    static final Map<String, ReadModel> EXCEPTIONS = Map.ofEntries(
            Map.entry("com.tutordesk.billing.PaymentsService", new ReadModel(Set.of("clients", "tutoring_sessions"),
                    "the Payments page's totals and lists: one statement per figure or page over every invoice and"
                            + " unbilled session, with client names; 'unbilled' is the session module's own SQL"
                            + " (BillingState.sql), so there is one definition of it")),
            Map.entry("com.tutordesk.session.SessionListService", new ReadModel(union(PEOPLE, "engagements"),
                    SESSION_PAGES + "; its filter pickers read names the same way")),
            Map.entry("com.tutordesk.session.SessionListSql", new ReadModel(PEOPLE, SESSION_PAGES)),
            Map.entry("com.tutordesk.session.FamilySessionService", new ReadModel(PEOPLE,
                    "the client portal's session lists (issue 18): a family's sessions with student, tutor and"
                            + " subject names in one statement, scoped to the signed-in client inside it")),
            Map.entry("com.tutordesk.session.SessionLoggingService", new ReadModel(union(PEOPLE, "engagements"),
                    "Log Session's pickers: the viewer's engagements with student, client and subject names in one"
                            + " statement, scoped to the viewer")),
            Map.entry("com.tutordesk.schedule.ScheduleService", new ReadModel(union(PEOPLE, "tutoring_sessions"),
                    "the calendar " + CALENDAR)),
            Map.entry("com.tutordesk.schedule.SessionReminders", new ReadModel(union(PEOPLE, "tutoring_sessions"),
                    "the reminder job " + CALENDAR)),
            Map.entry("com.tutordesk.schedule.CalendarFeedService", new ReadModel(
                    union(PEOPLE, "tutoring_sessions", "users"), "a calendar feed " + CALENDAR
                            + "; the feed's owner is found from its secret token")),
            Map.entry("com.tutordesk.demo.DemoBusinessGenerator", new ReadModel(Set.copyOf(OWNER.keySet()), DEMO)),
            Map.entry("com.tutordesk.demo.DemoInvoices", new ReadModel(Set.copyOf(OWNER.keySet()), DEMO)),
            Map.entry("com.tutordesk.demo.DemoPayroll", new ReadModel(Set.copyOf(OWNER.keySet()), DEMO)),
            Map.entry("com.tutordesk.payroll.PayrollBook", new ReadModel(
                    Set.of("tutoring_sessions", "tutors", "students", "subjects"),
                    "the payroll read model (issue 16): a period's payable sessions of every tutor with student and"
                            + " subject names, summed per tutor in the database (README \"Payroll\": 200,000"
                            + " sessions), not read one by one through the session module")),
            Map.entry("com.tutordesk.dashboard.DashboardService", new ReadModel(
                    Set.of("tutoring_sessions", "tutors", "students", "subjects", "invoices", "payment_attempts",
                            "mail_messages"),
                    "the dashboard (issue 19): month, week and to-do figures summed by the database in one grouped"
                            + " statement each (failed card payments, undelivered emails, overlaps), never read"
                            + " session by session through the owners' services; money totals still come from"
                            + " PaymentsService")),
            Map.entry("com.tutordesk.dashboard.ReportsService", new ReadModel(Set.of("tutoring_sessions", "tutors",
                    "students", "subjects", "clients"), "the reports page (issue 19): revenue by client, tutor or"
                            + " subject and utilisation, one grouped statement each")),
            Map.entry("com.tutordesk.session.SessionHourTotals", new ReadModel(union(PEOPLE, "business_settings"),
                    "the totals kept on every session write (issues 19, 20) read the business time zone and locale"
                            + " under a shared lock on the settings row, so a change of calendar (which rebuilds"
                            + " the per-week totals holding that row) and a session write never cross; a logged or"
                            + " moved session's name sort keys are copied by a locking read of the names, so a"
                            + " concurrent rename is never lost")),
            Map.entry("com.tutordesk.session.SessionSortKeys", new ReadModel(PEOPLE,
                    "copies the names the sessions list sorts by onto the session rows (issue 20) for writes made"
                            + " with SQL (the demo loader, tests); renames arrive as people.NameChanged")),
            Map.entry("com.tutordesk.session.TutorWeekTotals", new ReadModel(Set.of("business_settings", "tutors"),
                    "the per-tutor week totals (issue 19): built in the calendar of the settings row (read there,"
                            + " not from the per-node cache, so that reads and writes agree during a change), read"
                            + " with tutor names in one statement")),
            Map.entry("com.tutordesk.demo.DemoDataLoader", new ReadModel(Set.of("users", "tutors"),
                    "names the demo logins of a database loaded by an earlier start, before any module runs")));

    private static Set<String> union(Set<String> tables, String... more) {
        Set<String> all = new TreeSet<>(tables);
        all.addAll(Set.of(more));
        return Set.copyOf(all);
    }

    @Test
    void views_never_reach_the_database_directly() {
        noClasses().that().resideInAPackage("com.tutordesk..ui..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .orShould().dependOnClassesThat().areAssignableTo(JdbcTemplate.class)
                .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcTemplate.class)
                .orShould().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .because("a view shows what its module's services return: the service method checks the roles and"
                        + " ownership (domain.md \"Roles\"), so a view that read tables itself would show records its"
                        + " viewer may not see")
                .check(MAIN);
    }

    @Test
    void only_the_payment_module_talks_to_stripe() {
        noClasses().that().resideOutsideOfPackage("com.tutordesk.payment..")
                .should().dependOnClassesThat().resideInAPackage("com.stripe..")
                .because("a call to Stripe moves money: the payment module makes it outside any database transaction,"
                        + " with an idempotency key committed before the call (domain.md \"Payments\"), and no other"
                        + " module may skip that")
                .check(MAIN);
    }

    @Test
    void background_work_is_never_a_spring_scheduled_method() {
        noMethods().should().beAnnotatedWith(Scheduled.class)
                .because("@Scheduled runs on every node at once and knows nothing of the others; background jobs are"
                        + " db-scheduler tasks, one node at a time, taken over when a node dies (BackgroundJobs)")
                .check(MAIN);
    }

    @Test
    void only_a_modules_own_code_touches_its_tables() {
        classes().that().resideInAPackage("com.tutordesk..")
                .should(touchOnlyTheirOwnTables())
                .because("a table belongs to the module whose migration made it: its rules (states, versions,"
                        + " locks) live in that module's code, so other modules ask its API; the few read models"
                        + " that join other modules' tables for speed are listed in EXCEPTIONS with their reason")
                .check(MAIN);
    }

    private static ArchCondition<JavaClass> touchOnlyTheirOwnTables() {
        return new ArchCondition<>("touch only the tables of their own module") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String module = module(javaClass);
                ReadModel allowed = EXCEPTIONS.get(javaClass.getName().replaceFirst("\\$.*", ""));
                for (String table : tablesNamedIn(javaClass)) {
                    String owner = OWNER.get(table);
                    if (owner == null || owner.equals(module) || (allowed != null && allowed.tables().contains(table))) {
                        continue;
                    }
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " (module " + module
                            + ") touches table " + table + " of module " + owner));
                }
            }
        };
    }

    private static final Pattern SQL_TABLE = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+([a-z_][a-z0-9_]*)");

    /** @return the tables named after FROM, JOIN, INTO or UPDATE in the class's string constants */
    static Set<String> tablesNamedIn(JavaClass javaClass) {
        Set<String> tables = new TreeSet<>();
        for (String constant : stringConstants(javaClass)) {
            Matcher matcher = SQL_TABLE.matcher(constant);
            while (matcher.find()) {
                tables.add(matcher.group(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return tables;
    }

    private static Set<String> stringConstants(JavaClass javaClass) {
        String resource = javaClass.getName().replace('.', '/') + ".class";
        try (InputStream in = ArchitectureTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Set.of();
            }
            Set<String> strings = new TreeSet<>();
            for (PoolEntry entry : ClassFile.of().parse(in.readAllBytes()).constantPool()) {
                if (entry instanceof Utf8Entry utf8) {
                    strings.add(utf8.stringValue());
                }
            }
            return strings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String module(JavaClass javaClass) {
        String rest = javaClass.getPackageName().substring("com.tutordesk".length());
        return rest.isEmpty() ? "" : rest.substring(1).split("\\.")[0];
    }
}
