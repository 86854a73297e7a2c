package com.tutordesk.demo;

import com.tutordesk.security.LoginPageHints;
import com.tutordesk.security.Role;
import com.tutordesk.shared.Money;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the demo business with batched JDBC inserts (not one save per row), so that a million
 * sessions load in minutes. Deterministic: the same seed and the same business date give the same
 * business. Writes only into an empty database; instants are written as UTC wall-clock values,
 * matching how Hibernate reads them ({@code hibernate.jdbc.time_zone=UTC}).
 */
@Component
class DemoBusinessGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoBusinessGenerator.class);
    private static final int BATCH_SIZE = 1_000;
    private static final String BUSINESS_NAME = "Maple Grove Tutoring";
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final String CURRENCY = "USD";
    private static final long[] CLIENT_RATES = {6000, 6500, 6750, 7000, 7500, 8000, 8500, 9000, 9500, 10000, 11000,
            12000, 7225, 8333};

    /** What was created, for the start-up log and the benchmark notes. */
    record Result(int tutors, int clients, int students, int engagements, long sessions,
            List<LoginPageHints.DemoLogin> logins, Duration took) {
    }

    private record TutorSpec(DemoNames.Person person, String email, Set<Integer> subjects) {
    }

    private record ClientSpec(String name, DemoNames.Person contact, String email, boolean studentPays,
            boolean addedByEnhancedTutor, List<StudentSpec> students) {
    }

    private record StudentSpec(DemoNames.Person person, String grade, String email) {
    }

    private record EngagementSpec(int tutor, int student, int client, int subject, long clientRate, long tutorWage,
            int duration, boolean active, DayOfWeek day, LocalTime time, String location, int firstWeek,
            int lastWeek) {
    }

    private record Slot(DayOfWeek day, int startMinute, int endMinute) {
        boolean overlaps(Slot other) {
            return day == other.day && startMinute < other.endMinute && other.startMinute < endMinute;
        }
    }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    /**
     * One transaction per batch: with auto-commit H2 commits every row of a batch on its own, which
     * made a million-session load take many minutes.
     */
    private final TransactionTemplate perBatch;

    DemoBusinessGenerator(JdbcTemplate jdbc, PasswordEncoder passwordEncoder, Clock clock) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.perBatch = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    /** @return whether the database holds no business yet (no logins, tutors or clients) */
    boolean databaseIsEmpty() {
        return whatIsThere().isEmpty();
    }

    /**
     * @return what makes the database not empty, e.g. "1 login, 0 tutors, 0 clients", or an empty
     *         string when it holds no logins, tutors or clients
     */
    String whatIsThere() {
        Map<String, Object> counts = jdbc.queryForMap("select (select count(*) from users) as logins,"
                + " (select count(*) from tutors) as tutors, (select count(*) from clients) as clients");
        long logins = ((Number) counts.get("logins")).longValue();
        long tutors = ((Number) counts.get("tutors")).longValue();
        long clients = ((Number) counts.get("clients")).longValue();
        if (logins + tutors + clients == 0) {
            return "";
        }
        return logins + (logins == 1 ? " login, " : " logins, ") + tutors + (tutors == 1 ? " tutor, " : " tutors, ")
                + clients + (clients == 1 ? " client" : " clients");
    }

    /**
     * Loads the demo business.
     *
     * @throws IllegalStateException when the database is not empty
     */
    Result generate(DemoProperties properties) {
        if (!databaseIsEmpty()) {
            throw new IllegalStateException("The demo business loads only into an empty database");
        }
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(properties.seed());
        double scale = properties.sessions() / 3_000.0;
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZONE);

        jdbc.update("update business_settings set name = ?, time_zone = ?, currency = ?, locale = ?,"
                        + " email_sender_name = ?, address = ?, version = version + 1 where id = 1",
                BUSINESS_NAME, ZONE.getId(), CURRENCY, "en-US", BUSINESS_NAME,
                "120 Orchard Street, Suite 4\nBrooklyn, NY 11201");

        List<Long> subjectIds = insertSubjects();
        // One set of addresses for everyone: a parent must never share an email with a tutor's login.
        Set<String> emails = new HashSet<>();
        List<TutorSpec> tutors = tutors(random, Math.max(3, (int) Math.round(12 * scale)), subjectIds.size(), emails);
        List<Long> tutorIds = insertTutors(tutors, now);
        List<LoginPageHints.DemoLogin> logins = insertLogins(tutors, tutorIds, now, properties.publicPasswords());

        List<ClientSpec> clients = clients(random, Math.max(2, (int) Math.round(80 * scale)), emails);
        List<Long> clientIds = insertClients(clients, tutorIds.getFirst(), now);
        List<long[]> students = insertStudents(clients, clientIds, now);

        List<EngagementSpec> engagements = engagements(random, tutors, clients, students,
                Math.max(3, (int) Math.round(150 * scale)), properties);
        List<Long> engagementIds = insertEngagements(engagements, tutorIds, students, subjectIds, now);

        long sessions = insertSessions(random, engagements, engagementIds, tutorIds, students, subjectIds, clients,
                properties, today, now);
        // Invoices (issue 7): past months invoiced and mostly paid, the last month partly open, today's month unbilled.
        new DemoInvoices(jdbc, perBatch, ZONE).generate(properties.seed(), today, now);
        // Payroll (issue 16): past pay periods approved and paid, the current one open.
        new DemoPayroll(jdbc, perBatch, ZONE).generate(properties.seed(), today, now);
        // Sessions, invoices and pay approvals went in with batched SQL, around the entity that keeps
        // the hour totals, so they are counted once here.
        perBatch.executeWithoutResult(status -> com.tutordesk.session.SessionSortKeys.copyAll(jdbc));
        perBatch.executeWithoutResult(status -> com.tutordesk.session.SessionHourTotals.recount(jdbc));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new Result(tutors.size(), clients.size(), students.size(), engagements.size(), sessions, logins, took);
    }

    private List<Long> insertSubjects() {
        jdbc.batchUpdate("insert into subjects (name, active, version) values (?, true, 0)",
                DemoSessionTexts.SUBJECTS.stream().map(name -> new Object[] {name}).toList());
        return jdbc.queryForList("select id from subjects order by id", Long.class);
    }

    private static List<TutorSpec> tutors(SplittableRandom random, int count, int subjectCount, Set<String> emails) {
        List<TutorSpec> tutors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            DemoNames.Person person = DemoNames.person(random);
            String email = uniqueEmail(person.handle(), emails);
            Set<Integer> subjects = new LinkedHashSet<>();
            subjects.add(i % subjectCount);
            int wanted = 3 + random.nextInt(3);
            while (subjects.size() < wanted) {
                subjects.add(random.nextInt(subjectCount));
            }
            tutors.add(new TutorSpec(person, email, subjects));
        }
        return tutors;
    }

    private List<Long> insertTutors(List<TutorSpec> tutors, Instant now) {
        LocalDateTime created = utc(now.minus(Duration.ofDays(400)));
        batch("insert into tutors (name, email, phone, active, enhanced_access, created_at, version)"
                + " values (?, ?, ?, ?, ?, ?, 0)", tutors.size(), (ps, i) -> {
                    TutorSpec tutor = tutors.get(i);
                    ps.setString(1, tutor.person().displayName());
                    ps.setString(2, tutor.email());
                    ps.setString(3, String.format("+1 212-555-%04d", 100 + i % 100));
                    ps.setBoolean(4, true);
                    if (i == 0) {
                        ps.setBoolean(5, true);
                    } else {
                        ps.setNull(5, Types.BOOLEAN);
                    }
                    ps.setObject(6, created);
                });
        List<Long> ids = jdbc.queryForList("select id from tutors order by id", Long.class);
        List<Object[]> links = new ArrayList<>();
        List<Long> subjectIds = jdbc.queryForList("select id from subjects order by id", Long.class);
        for (int i = 0; i < tutors.size(); i++) {
            for (int subject : tutors.get(i).subjects()) {
                links.add(new Object[] {ids.get(i), subjectIds.get(subject)});
            }
        }
        jdbc.batchUpdate("insert into tutor_subjects (tutor_id, subject_id) values (?, ?)", links);
        return ids;
    }

    /** Public passwords, or random ones that must be changed at the first sign-in (see {@link DemoLogins}). */
    private List<LoginPageHints.DemoLogin> insertLogins(List<TutorSpec> tutors, List<Long> tutorIds, Instant now,
            boolean publicPasswords) {
        List<LoginPageHints.DemoLogin> logins = publicPasswords
                ? DemoLogins.of(tutors.get(0).email(), tutors.get(1).email())
                : DemoLogins.withRandomPasswords(tutors.get(0).email(), tutors.get(1).email());
        String sql = "insert into users (email, password_hash, display_name, role, tutor_id, enabled,"
                + " must_change_password, created_at, version) values (?, ?, ?, ?, ?, true, ?, ?, 0)";
        LocalDateTime created = utc(now.minus(Duration.ofDays(400)));
        jdbc.update(sql, logins.get(0).email(), passwordEncoder.encode(logins.get(0).password()), "Alex Morgan",
                Role.ADMIN.name(), null, !publicPasswords, created);
        for (int i = 0; i < 2; i++) {
            LoginPageHints.DemoLogin login = logins.get(i + 1);
            jdbc.update(sql, login.email(), passwordEncoder.encode(login.password()),
                    tutors.get(i).person().displayName(), Role.TUTOR.name(), tutorIds.get(i), !publicPasswords, created);
        }
        return logins;
    }

    private static List<ClientSpec> clients(SplittableRandom random, int count, Set<String> emails) {
        List<ClientSpec> clients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean adult = random.nextInt(100) < 12;
            DemoNames.Person contact = DemoNames.person(random);
            String email = uniqueEmail(contact.handle(), emails);
            List<StudentSpec> students = new ArrayList<>();
            if (adult) {
                students.add(new StudentSpec(contact, random.nextBoolean() ? "Adult learner" : "College", email));
            } else {
                int children = random.nextInt(100) < 55 ? 1 : random.nextInt(100) < 75 ? 2 : 3;
                Set<String> names = new HashSet<>();
                names.add(contact.displayName());
                for (int attempt = 0; students.size() < children && attempt < 12; attempt++) {
                    DemoNames.Person child = DemoNames.relative(random, contact);
                    if (names.add(child.displayName())) {
                        students.add(new StudentSpec(child, "Grade " + (3 + random.nextInt(10)), null));
                    }
                }
            }
            String name = adult ? contact.displayName() : contact.familyName() + " family";
            clients.add(new ClientSpec(name, contact, email, adult, i < 4 && !adult, students));
        }
        return clients;
    }

    private List<Long> insertClients(List<ClientSpec> clients, long enhancedTutorId, Instant now) {
        LocalDateTime created = utc(now.minus(Duration.ofDays(300)));
        batch("insert into clients (name, billing_contact_name, billing_contact_email, billing_contact_phone,"
                + " student_pays, address, autopay, added_by_tutor_id, active, created_at, version)"
                + " values (?, ?, ?, ?, ?, ?, false, ?, true, ?, 0)", clients.size(), (ps, i) -> {
                    ClientSpec client = clients.get(i);
                    ps.setString(1, client.name());
                    ps.setString(2, client.contact().displayName());
                    ps.setString(3, client.email());
                    ps.setString(4, String.format("+1 718-555-%04d", 100 + i % 100));
                    ps.setBoolean(5, client.studentPays());
                    ps.setString(6, (10 + i % 890) + " " + STREETS.get(i % STREETS.size()) + "\nBrooklyn, NY 112"
                            + String.format("%02d", i % 40));
                    if (client.addedByEnhancedTutor()) {
                        ps.setLong(7, enhancedTutorId);
                    } else {
                        ps.setNull(7, Types.BIGINT);
                    }
                    ps.setObject(8, created);
                });
        return jdbc.queryForList("select id from clients order by id", Long.class);
    }

    private static final List<String> STREETS = List.of("Orchard Street", "Maple Avenue", "Prospect Place",
            "Atlantic Avenue", "Court Street", "Bergen Street", "Union Street", "Linden Boulevard");

    /** @return per student, in insertion order: {id, client index} */
    private List<long[]> insertStudents(List<ClientSpec> clients, List<Long> clientIds, Instant now) {
        List<Object[]> rows = new ArrayList<>();
        List<long[]> students = new ArrayList<>();
        LocalDateTime created = utc(now.minus(Duration.ofDays(300)));
        for (int c = 0; c < clients.size(); c++) {
            for (StudentSpec student : clients.get(c).students()) {
                rows.add(new Object[] {clientIds.get(c), student.person().displayName(), student.grade(),
                        student.email(), created});
                students.add(new long[] {0, c});
            }
        }
        for (int from = 0; from < rows.size(); from += BATCH_SIZE) {
            jdbc.batchUpdate("insert into students (client_id, name, grade_level, email, active, created_at, version)"
                    + " values (?, ?, ?, ?, true, ?, 0)", rows.subList(from, Math.min(rows.size(), from + BATCH_SIZE)));
        }
        List<Long> ids = jdbc.queryForList("select id from students order by id", Long.class);
        for (int i = 0; i < students.size(); i++) {
            students.get(i)[0] = ids.get(i);
        }
        return students;
    }

    private static List<EngagementSpec> engagements(SplittableRandom random, List<TutorSpec> tutors,
            List<ClientSpec> clients, List<long[]> students, int target, DemoProperties properties) {
        Map<Integer, List<Integer>> teachers = new HashMap<>();
        for (int t = 0; t < tutors.size(); t++) {
            for (int subject : tutors.get(t).subjects()) {
                teachers.computeIfAbsent(subject, k -> new ArrayList<>()).add(t);
            }
        }
        int[] load = new int[tutors.size()];
        Map<Integer, List<Slot>> tutorSlots = new HashMap<>();
        List<EngagementSpec> result = new ArrayList<>(target);
        int totalWeeks = properties.historyWeeks() + properties.futureWeeks();
        int studentCount = students.size();
        for (int s = 0; s < studentCount && result.size() < target; s++) {
            int remainingStudents = studentCount - s;
            int remaining = target - result.size();
            int wanted = remaining >= remainingStudents * 2 ? 2
                    : remaining > remainingStudents && random.nextInt(100) < 40 ? 2 : 1;
            int client = (int) students.get(s)[1];
            boolean enhancedTutorsClient = clients.get(client).addedByEnhancedTutor();
            List<Slot> studentSlots = new ArrayList<>();
            Set<Integer> subjectsTaken = new HashSet<>();
            for (int e = 0; e < wanted; e++) {
                int tutor;
                int subject;
                if (enhancedTutorsClient && e == 0) {
                    tutor = 0;
                    List<Integer> own = List.copyOf(tutors.get(0).subjects());
                    subject = own.get(random.nextInt(own.size()));
                } else {
                    subject = random.nextInt(DemoSessionTexts.SUBJECTS.size());
                    List<Integer> candidates = teachers.getOrDefault(subject, List.of());
                    if (candidates.isEmpty() || subjectsTaken.contains(subject)) {
                        continue;
                    }
                    tutor = candidates.stream().min(Comparator.comparingInt(t -> load[t])).orElseThrow();
                }
                if (!subjectsTaken.add(subject)) {
                    continue;
                }
                int duration = switch (random.nextInt(20)) {
                    case 0 -> 120;
                    case 1, 2, 3 -> 45;
                    case 4, 5, 6, 7, 8 -> 90;
                    default -> 60;
                };
                Slot slot = freeSlot(random, tutorSlots.computeIfAbsent(tutor, k -> new ArrayList<>()), studentSlots,
                        duration);
                if (slot == null) {
                    continue;
                }
                tutorSlots.get(tutor).add(slot);
                studentSlots.add(slot);
                load[tutor]++;
                long rate = CLIENT_RATES[random.nextInt(CLIENT_RATES.length)];
                long wage = Math.round(rate * (0.5 + random.nextDouble() * 0.15) / 25.0) * 25;
                if (random.nextInt(15) == 0) {
                    wage += 8; // an odd-cent wage, as real businesses have
                }
                boolean active = random.nextInt(100) >= 6;
                int firstWeek = random.nextInt(100) < 55 ? 0 : random.nextInt(Math.max(1, totalWeeks / 2));
                int lastWeek = active ? totalWeeks : firstWeek + 1 + random.nextInt(Math.max(1,
                        properties.historyWeeks() - firstWeek));
                result.add(new EngagementSpec(tutor, s, client, subject, rate, wage, duration, active, slot.day(),
                        LocalTime.MIN.plusMinutes(slot.startMinute()), DemoSessionTexts.location(random), firstWeek,
                        Math.min(lastWeek, totalWeeks)));
            }
        }
        return result;
    }

    private static Slot freeSlot(SplittableRandom random, List<Slot> tutorBusy, List<Slot> studentBusy, int duration) {
        for (int attempt = 0; attempt < 40; attempt++) {
            DayOfWeek day = DayOfWeek.of(1 + random.nextInt(6));
            int start = day == DayOfWeek.SATURDAY
                    ? 9 * 60 + 30 * random.nextInt(9)
                    : 15 * 60 + 30 * random.nextInt(10) + (random.nextInt(6) == 0 ? 15 : 0);
            // 15 minutes of slack, so that a session that runs long never overlaps the next booking.
            Slot slot = new Slot(day, start, start + duration + 15);
            if (tutorBusy.stream().noneMatch(slot::overlaps) && studentBusy.stream().noneMatch(slot::overlaps)) {
                return slot;
            }
        }
        return null;
    }

    private List<Long> insertEngagements(List<EngagementSpec> engagements, List<Long> tutorIds, List<long[]> students,
            List<Long> subjectIds, Instant now) {
        LocalDateTime created = utc(now.minus(Duration.ofDays(250)));
        batch("insert into engagements (tutor_id, student_id, subject_id, client_rate_minor, tutor_wage_minor,"
                + " currency, default_duration_minutes, active, created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                engagements.size(), (ps, i) -> {
                    EngagementSpec e = engagements.get(i);
                    ps.setLong(1, tutorIds.get(e.tutor()));
                    ps.setLong(2, students.get(e.student())[0]);
                    ps.setLong(3, subjectIds.get(e.subject()));
                    ps.setLong(4, e.clientRate());
                    ps.setLong(5, e.tutorWage());
                    ps.setString(6, CURRENCY);
                    ps.setInt(7, e.duration());
                    ps.setBoolean(8, e.active());
                    ps.setObject(9, created);
                });
        return jdbc.queryForList("select id from engagements order by id", Long.class);
    }

    private long insertSessions(SplittableRandom random, List<EngagementSpec> engagements, List<Long> engagementIds,
            List<Long> tutorIds, List<long[]> students, List<Long> subjectIds, List<ClientSpec> clients,
            DemoProperties properties, LocalDate today, Instant now) {
        LocalDate firstMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(properties.historyWeeks());
        LocalDate firstDay = today.minusWeeks(properties.historyWeeks());
        LocalDate lastDay = today.plusWeeks(properties.futureWeeks());
        long candidates = 0;
        for (EngagementSpec e : engagements) {
            for (int week = e.firstWeek(); week <= e.lastWeek(); week++) {
                LocalDate date = firstMonday.plusWeeks(week).with(TemporalAdjusters.nextOrSame(e.day()));
                if (!date.isBefore(firstDay) && !date.isAfter(lastDay)) {
                    candidates++;
                }
            }
        }
        double keep = Math.min(1.0, properties.sessions() / (double) Math.max(1, candidates));
        List<Long> clientIds = jdbc.queryForList("select id from clients order by id", Long.class);
        Long adminId = jdbc.queryForObject("select id from users where role = 'ADMIN' order by id limit 1", Long.class);
        List<Object[]> rows = new ArrayList<>(BATCH_SIZE);
        long inserted = 0;
        for (int i = 0; i < engagements.size(); i++) {
            EngagementSpec e = engagements.get(i);
            for (int week = e.firstWeek(); week <= e.lastWeek(); week++) {
                if (random.nextDouble() >= keep) {
                    continue;
                }
                LocalDate date = firstMonday.plusWeeks(week).with(TemporalAdjusters.nextOrSame(e.day()));
                if (date.isBefore(firstDay) || date.isAfter(lastDay)) {
                    continue;
                }
                rows.add(session(random, e, engagementIds.get(i), tutorIds, students, subjectIds, clientIds, clients,
                        date, now, adminId));
                if (rows.size() == BATCH_SIZE) {
                    inserted += flushSessions(rows);
                }
            }
        }
        inserted += flushSessions(rows);
        return inserted;
    }

    private static Object[] session(SplittableRandom random, EngagementSpec e, long engagementId, List<Long> tutorIds,
            List<long[]> students, List<Long> subjectIds, List<Long> clientIds, List<ClientSpec> clients,
            LocalDate date, Instant now, Long adminId) {
        int minutes = random.nextInt(12) == 0 ? Math.max(30, e.duration() + (random.nextBoolean() ? 15 : -15))
                : e.duration();
        ZonedDateTime start = ZonedDateTime.ofLocal(LocalDateTime.of(date, e.time()), ZONE, null);
        Instant startsAt = start.toInstant();
        Instant endsAt = startsAt.plus(Duration.ofMinutes(minutes));
        String status;
        if (startsAt.isAfter(now)) {
            status = random.nextInt(100) < 4 ? "CANCELLED" : "SCHEDULED";
        } else {
            int roll = random.nextInt(100);
            status = roll < 86 ? "COMPLETED" : roll < 95 ? "CANCELLED" : "LATE_CANCELLED";
        }
        long clientAmount = switch (status) {
            case "CANCELLED" -> 0;
            default -> Money.forMinutes(e.clientRate(), minutes);
        };
        long tutorEarnings = switch (status) {
            case "CANCELLED" -> 0;
            case "LATE_CANCELLED" -> Money.forMinutes(e.tutorWage(), minutes, 50);
            default -> Money.forMinutes(e.tutorWage(), minutes);
        };
        Integer rating = null;
        String report = null;
        String note = null;
        if (status.equals("COMPLETED")) {
            if (random.nextInt(100) < 70) {
                int roll = random.nextInt(100);
                rating = roll < 45 ? 5 : roll < 80 ? 4 : roll < 95 ? 3 : roll < 99 ? 2 : 1;
            }
            if (random.nextInt(100) < 75) {
                String studentName = clients.get(e.client()).students().stream()
                        .map(s -> s.person().displayName()).toList()
                        .get(indexInClient(students, e.student()));
                report = DemoSessionTexts.report(random, studentName, DemoSessionTexts.SUBJECTS.get(e.subject()));
            }
            if (random.nextInt(100) < 12) {
                note = DemoSessionTexts.internalNote(random);
            }
        }
        String location = random.nextInt(10) == 0 ? DemoSessionTexts.location(random) : e.location();
        Instant createdAt = startsAt.isAfter(now)
                ? min(now, startsAt.minus(Duration.ofDays(3 + random.nextInt(10))))
                : min(now, endsAt.plus(Duration.ofMinutes(random.nextInt(36 * 60))));
        // Most written reports of past sessions have gone to the parent, a day or so after the session.
        Instant reportSentAt = report != null && random.nextInt(100) < 85
                ? min(now, createdAt.plus(Duration.ofMinutes(5 + random.nextInt(24 * 60))))
                : null;
        return new Object[] {engagementId, tutorIds.get(e.tutor()), students.get(e.student())[0],
                clientIds.get(e.client()), subjectIds.get(e.subject()), utc(startsAt), utc(endsAt), ZONE.getId(),
                minutes, location, status, rating, report, note, e.clientRate(), e.tutorWage(), clientAmount,
                tutorEarnings, CURRENCY, "UNBILLED", adminId, utc(createdAt), utc(createdAt),
                reportSentAt == null ? null : utc(reportSentAt)};
    }

    private static int indexInClient(List<long[]> students, int studentIndex) {
        long client = students.get(studentIndex)[1];
        int index = 0;
        for (int i = studentIndex - 1; i >= 0 && students.get(i)[1] == client; i--) {
            index++;
        }
        return index;
    }

    private int flushSessions(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        perBatch.executeWithoutResult(status -> jdbc.batchUpdate("insert into tutoring_sessions (engagement_id, tutor_id, student_id, client_id, subject_id,"
                + " starts_at, ends_at, time_zone, duration_minutes, location, status, rating, report, internal_note,"
                + " client_rate_minor, tutor_wage_minor, client_amount_minor, tutor_earnings_minor, currency,"
                + " billing_state, created_by_user_id, created_at, updated_at, report_sent_at, version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", rows));
        int count = rows.size();
        rows.clear();
        return count;
    }

    private interface RowSetter {
        void set(PreparedStatement ps, int index) throws SQLException;
    }

    private void batch(String sql, int count, RowSetter setter) {
        for (int from = 0; from < count; from += BATCH_SIZE) {
            int start = from;
            int size = Math.min(BATCH_SIZE, count - from);
            perBatch.executeWithoutResult(status -> jdbc.batchUpdate(sql,
                    new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(PreparedStatement ps, int i) throws SQLException {
                            setter.set(ps, start + i);
                        }

                        @Override
                        public int getBatchSize() {
                            return size;
                        }
                    }));
        }
    }

    private static String uniqueEmail(String handle, Set<String> taken) {
        String email = handle + "@example.org";
        for (int n = 2; !taken.add(email); n++) {
            email = handle + n + "@example.org";
        }
        return email;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
