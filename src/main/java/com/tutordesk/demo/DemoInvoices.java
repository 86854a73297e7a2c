package com.tutordesk.demo;

import static com.tutordesk.demo.DemoRows.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo business's invoices (issue 7), written with batched SQL after the sessions: each client's
 * billable sessions of a month go on one invoice issued on the 1st of the next month (for some
 * clients twice a month, on the 16th and the 1st), due 14 days later. Invoices older than about six weeks are paid (bank transfer, cheque, cash…), with a few
 * long-overdue exceptions; the last month's are partly paid, partly outstanding or overdue, and some
 * clients' last month is not invoiced yet; the current month is unbilled. Numbers run INV-000001… in
 * issue order without gaps, the counter is set to the last one, and every session's billing state
 * matches the invoice it is on. Deterministic for a seed and a date; one streaming read of the
 * sessions, no per-row saves.
 */
final class DemoInvoices {

    private static final int BATCH_SIZE = 1_000;
    private static final String[][] METHODS = {{"BANK_TRANSFER", "55"}, {"CHEQUE", "20"}, {"CASH", "15"}, {"OTHER", "10"}};

    private record Line(long sessionId, LocalDateTime startsAt, long studentId, long subjectId, long tutorId,
            int minutes, boolean lateCancelled, long rate, long amount) {
    }

    private record Planned(long clientId, LocalDate issueDate, List<Line> lines) {
    }

    private record ClientInfo(String contact, String email, String address) {
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoInvoices.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate perBatch;
    private final ZoneId zone;
    private final DemoRows rows;

    DemoInvoices(JdbcTemplate jdbc, TransactionTemplate perBatch, ZoneId zone) {
        this.jdbc = jdbc;
        this.perBatch = perBatch;
        this.zone = zone;
        this.rows = new DemoRows(jdbc, perBatch, zone);
    }

    /** @return how many invoices were issued */
    int generate(long seed, LocalDate today, Instant now) {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed ^ 0x1A7E_B111L);
        List<Planned> planned = plan(today, now, random);
        planned.sort(Comparator.comparing(Planned::issueDate).thenComparingLong(Planned::clientId));
        if (planned.isEmpty()) {
            return 0;
        }
        Map<Long, ClientInfo> clients = new HashMap<>();
        jdbc.query("select id, billing_contact_name, billing_contact_email, address from clients", rs -> {
            clients.put(rs.getLong(1), new ClientInfo(rs.getString(2), rs.getString(3), rs.getString(4)));
        });
        Map<Long, String> students = rows.names("students");
        Map<Long, String> subjects = rows.names("subjects");
        Map<Long, String> tutors = rows.names("tutors");

        List<Object[]> invoiceRows = new ArrayList<>(planned.size());
        List<String> states = new ArrayList<>(planned.size());
        List<long[]> adjustments = new ArrayList<>();
        List<Object[]> payments = new ArrayList<>();
        for (int n = 0; n < planned.size(); n++) {
            Planned invoice = planned.get(n);
            long days = ChronoUnit.DAYS.between(invoice.issueDate(), today);
            long lines = invoice.lines().stream().mapToLong(Line::amount).sum();
            long adjustment = 0;
            int roll = random.nextInt(100);
            if (roll < 4) {
                adjustment = -Math.max(1, Math.round(lines * 0.05));
            } else if (roll < 6) {
                adjustment = 1500;
            }
            LocalDate due = invoice.issueDate().plusDays(14);
            boolean paid;
            if (days > 45) {
                paid = random.nextInt(100) >= 3;
            } else {
                paid = days >= 3 && random.nextInt(100) < 55;
            }
            LocalDate paidOn = paid ? invoice.issueDate().plusDays(2 + random.nextInt((int) Math.min(24, days - 1))) : null;
            Instant issuedAt = rows.at(invoice.issueDate(), 9);
            Instant paidAt = paid ? rows.at(paidOn, 11) : null;
            ClientInfo client = clients.get(invoice.clientId());
            invoiceRows.add(new Object[] {String.format(Locale.ROOT, "INV-%06d", n + 1), invoice.clientId(),
                    paid ? "PAID" : "OPEN", "USD", invoice.issueDate(), due, lines, adjustment, lines + adjustment,
                    client.contact(), client.email(), client.address(), utc(issuedAt),
                    paidAt == null ? null : utc(paidAt), utc(issuedAt), utc(paidAt == null ? issuedAt : paidAt)});
            states.add(paid ? "PAID" : "OPEN");
            if (adjustment != 0) {
                adjustments.add(new long[] {n, adjustment});
            }
            if (paid) {
                String method = method(random);
                String reference = switch (method) {
                    case "BANK_TRANSFER" -> String.format(Locale.ROOT, "TR-%06d", n + 1);
                    case "CHEQUE" -> String.format(Locale.ROOT, "Cheque %05d", 1 + random.nextInt(99_999));
                    default -> null;
                };
                payments.add(new Object[] {n, method, lines + adjustment, paidOn, reference, utc(paidAt)});
            }
        }
        rows.batch("insert into invoices (number, client_id, state, currency, issue_date, due_date, lines_total_minor,"
                + " adjustments_total_minor, total_minor, bill_to_name, bill_to_email, bill_to_address, issued_at,"
                + " paid_at, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                invoiceRows);
        // Inserted in order into an empty table: ids ascend with the numbers.
        List<Long> ids = jdbc.queryForList("select id from invoices order by id", Long.class);

        List<Object[]> lineRows = new ArrayList<>(BATCH_SIZE);
        List<Long> paidSessions = new ArrayList<>();
        List<Long> openSessions = new ArrayList<>();
        for (int n = 0; n < planned.size(); n++) {
            long invoiceId = ids.get(n);
            int position = 0;
            for (Line line : planned.get(n).lines()) {
                lineRows.add(new Object[] {invoiceId, position++, line.sessionId(), line.sessionId(), line.startsAt(),
                        students.get(line.studentId()), subjects.get(line.subjectId()), line.tutorId(),
                        tutors.get(line.tutorId()), line.minutes(), line.lateCancelled(), line.rate(), line.amount()});
                (states.get(n).equals("PAID") ? paidSessions : openSessions).add(line.sessionId());
                if (lineRows.size() == BATCH_SIZE) {
                    flushLines(lineRows);
                }
            }
        }
        flushLines(lineRows);
        rows.batch("insert into invoice_adjustments (invoice_id, position, memo, amount_minor) values (?, 0, ?, ?)",
                adjustments.stream().map(a -> new Object[] {ids.get((int) a[0]),
                        a[1] < 0 ? "Sibling discount (5 %)" : "Workbook and materials", a[1]}).toList());
        rows.batch("insert into invoice_payments (invoice_id, method, amount_minor, paid_on, reference, recorded_at)"
                + " values (?, ?, ?, ?, ?, ?)", payments.stream().map(p -> new Object[] {ids.get((int) p[0]), p[1], p[2],
                        p[3], p[4], p[5]}).toList());
        jdbc.update("update invoice_counters set last_number = ? where id = 1", planned.size());
        markSessions(paidSessions, "PAID");
        markSessions(openSessions, "INVOICED");
        log.info("Demo invoices: {} issued ({} sessions paid, {} invoiced) in {} ms", planned.size(), paidSessions.size(),
                openSessions.size(), (System.nanoTime() - started) / 1_000_000);
        return planned.size();
    }

    /**
     * One streaming pass over the billable past sessions in table order, grouped by client in memory
     * (about 100 bytes a session), then planned client by client, oldest first. Reading them in
     * (client, start) index order instead made H2 fetch every row at random: minutes at a million.
     */
    private List<Planned> plan(LocalDate today, Instant now, SplittableRandom random) {
        Map<Long, List<Line>> byClient = new java.util.TreeMap<>();
        JdbcTemplate streaming = rows.streaming();
        streaming.query("select id, client_id, starts_at, student_id, subject_id, tutor_id, duration_minutes, status,"
                + " client_rate_minor, client_amount_minor from tutoring_sessions"
                + " where status in ('COMPLETED', 'LATE_CANCELLED') and client_amount_minor > 0 and starts_at < ?",
                rs -> {
                    byClient.computeIfAbsent(rs.getLong(2), client -> new ArrayList<>()).add(new Line(rs.getLong(1),
                            rs.getObject(3, LocalDateTime.class), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            rs.getInt(7), "LATE_CANCELLED".equals(rs.getString(8)), rs.getLong(9), rs.getLong(10)));
                }, utc(now));
        List<Planned> planned = new ArrayList<>();
        Comparator<Line> oldestFirst = Comparator.comparing(Line::startsAt).thenComparingLong(Line::sessionId);
        byClient.forEach((client, lines) -> {
            lines.sort(oldestFirst);
            planClient(client, lines, today, random, planned);
        });
        return planned;
    }

    /**
     * Invoices for one client: monthly (issued on the 1st for the month before), or for one client in
     * four twice a month (on the 16th for the 1st–15th, on the 1st for the rest); about one client in
     * twelve has its latest period not invoiced yet.
     */
    private void planClient(long clientId, List<Line> lines, LocalDate today, SplittableRandom random,
            List<Planned> planned) {
        if (lines.isEmpty()) {
            return;
        }
        boolean twiceAMonth = random.nextInt(4) == 0;
        boolean latestPending = random.nextInt(12) == 0;
        Map<LocalDate, List<Line>> byIssueDate = new java.util.TreeMap<>();
        for (Line line : lines) {
            LocalDate day = line.startsAt().atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
            LocalDate issue = twiceAMonth && day.getDayOfMonth() <= 15 ? day.withDayOfMonth(16)
                    : day.withDayOfMonth(1).plusMonths(1);
            byIssueDate.computeIfAbsent(issue, d -> new ArrayList<>()).add(line);
        }
        LocalDate latest = byIssueDate.keySet().stream().filter(d -> !d.isAfter(today)).reduce((a, b) -> b).orElse(null);
        for (Map.Entry<LocalDate, List<Line>> period : byIssueDate.entrySet()) {
            LocalDate issue = period.getKey();
            if (issue.isAfter(today) || (latestPending && issue.equals(latest))) {
                continue;
            }
            planned.add(new Planned(clientId, issue, List.copyOf(period.getValue())));
        }
    }

    private void flushLines(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        perBatch.executeWithoutResult(status -> jdbc.batchUpdate("insert into invoice_lines (invoice_id, position,"
                + " session_id, active_session_id, session_starts_at, student_name, subject_name, tutor_id, tutor_name,"
                + " duration_minutes, late_cancelled, rate_minor, amount_minor)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows));
        rows.clear();
    }

    private void markSessions(List<Long> ids, String state) {
        for (int from = 0; from < ids.size(); from += BATCH_SIZE) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH_SIZE));
            jdbc.update("update tutoring_sessions set billing_state = ? where id in ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    java.util.stream.Stream.concat(java.util.stream.Stream.of(state), chunk.stream()).toArray());
        }
    }

    private static String method(SplittableRandom random) {
        int roll = random.nextInt(100);
        int sum = 0;
        for (String[] method : METHODS) {
            sum += Integer.parseInt(method[1]);
            if (roll < sum) {
                return method[0];
            }
        }
        return "OTHER";
    }
}
