package com.tutordesk.demo;

import static com.tutordesk.demo.DemoRows.utc;

import com.tutordesk.payroll.PayCalendar;
import com.tutordesk.payroll.PayPeriod;
import com.tutordesk.settings.PayFrequency;
import com.tutordesk.settings.PaySchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo business's payroll (issue 16), written with batched SQL after the sessions: tutors are
 * paid twice a month (1st–15th, 16th–end); every past period up to the one before the last is
 * approved, paid (by bank transfer, a few days after it ends) and closed, with a reimbursement or
 * bonus here and there. The last period that has ended waits for its payroll run (open, so the
 * Payroll page has it to approve), and the current one is open, one tutor already with a
 * reimbursement in it. Each approved pay has one
 * line per completed or late-cancelled session that started in the period, copying its stored tutor
 * earnings, and totals that are the lines' sum plus the adjustments. Deterministic for a seed and a
 * date; one streaming read of the sessions.
 */
final class DemoPayroll {

    private static final int BATCH_SIZE = DemoRows.BATCH_SIZE;
    /** The demo's pay schedule: twice a month. */
    static final PaySchedule SCHEDULE = new PaySchedule(PayFrequency.TWICE_A_MONTH, LocalDate.of(2026, 1, 1));

    private record Line(long sessionId, long tutorId, LocalDateTime startsAt, long studentId, long subjectId,
            int minutes, boolean lateCancelled, long wage, long earnings) {
    }

    private record Adjustment(String kind, long amount, String memo) {
        long signed() {
            return kind.equals("DEDUCTION") ? -amount : amount;
        }
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoPayroll.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate perBatch;
    private final ZoneId zone;
    private final DemoRows rows;

    DemoPayroll(JdbcTemplate jdbc, TransactionTemplate perBatch, ZoneId zone) {
        this.jdbc = jdbc;
        this.perBatch = perBatch;
        this.zone = zone;
        this.rows = new DemoRows(jdbc, perBatch, zone);
    }

    /** @return how many tutors' pay was approved and paid */
    int generate(long seed, LocalDate today, Instant now) {
        long started = System.nanoTime();
        jdbc.update("update business_settings set pay_frequency = ?, pay_anchor = ? where id = 1",
                SCHEDULE.frequency().name(), SCHEDULE.anchor());
        PayCalendar calendar = new PayCalendar(SCHEDULE);
        PayPeriod current = calendar.containing(today);
        PayPeriod awaitingRun = calendar.previous(current);
        SplittableRandom random = new SplittableRandom(seed ^ 0x9A7_2011L);
        Map<Long, Map<PayPeriod, List<Line>>> byTutor = plan(calendar, awaitingRun);
        Long adminId = jdbc.queryForObject("select id from users where role = 'ADMIN' order by id limit 1", Long.class);
        String adminName = jdbc.queryForObject("select display_name from users where id = ?", String.class, adminId);
        Map<Long, String> students = rows.names("students");
        Map<Long, String> subjects = rows.names("subjects");

        List<Object[]> pays = new ArrayList<>();
        List<List<Line>> payLines = new ArrayList<>();
        List<Adjustment> payAdjustments = new ArrayList<>();
        for (Map.Entry<Long, Map<PayPeriod, List<Line>>> tutor : byTutor.entrySet()) {
            for (Map.Entry<PayPeriod, List<Line>> period : tutor.getValue().entrySet()) {
                List<Line> lines = period.getValue();
                long earnings = lines.stream().mapToLong(Line::earnings).sum();
                Adjustment adjustment = adjustment(random, earnings);
                long adjustments = adjustment == null ? 0 : adjustment.signed();
                LocalDate end = period.getKey().end();
                Instant approvedAt = min(rows.at(end.plusDays(1), 9), now);
                LocalDate paidOn = end.plusDays(4).isAfter(today) ? today : end.plusDays(4);
                Instant paidAt = min(rows.at(paidOn, 15), now);
                pays.add(new Object[] {tutor.getKey(), period.getKey().start(), end, "PAID", "USD", lines.size(),
                        lines.stream().mapToInt(Line::minutes).sum(), earnings, adjustments, earnings + adjustments,
                        utc(approvedAt), adminId, paidOn, "BANK_TRANSFER",
                        String.format(Locale.ROOT, "PAY-%s-%d", period.getKey().start(), tutor.getKey()), utc(paidAt),
                        adminId, utc(approvedAt), utc(paidAt)});
                payLines.add(lines);
                payAdjustments.add(adjustment);
            }
        }
        rows.batch("insert into tutor_pay (tutor_id, period_start, period_end, state, currency, session_count, minutes,"
                + " earnings_minor, adjustments_minor, total_minor, approved_at, approved_by_user_id, paid_on,"
                + " paid_method, paid_reference, paid_at, paid_by_user_id, created_at, updated_at, version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", pays);
        // Inserted in order into an empty table: ids ascend with the rows.
        List<Long> ids = jdbc.queryForList("select id from tutor_pay order by id", Long.class);

        List<Object[]> lineRows = new ArrayList<>(BATCH_SIZE);
        List<Object[]> adjustmentRows = new ArrayList<>();
        List<Object[]> eventRows = new ArrayList<>();
        for (int n = 0; n < ids.size(); n++) {
            long payId = ids.get(n);
            for (Line line : payLines.get(n)) {
                lineRows.add(new Object[] {payId, line.sessionId(), line.startsAt(), students.get(line.studentId()),
                        subjects.get(line.subjectId()), line.minutes(), line.lateCancelled(), line.wage(),
                        line.earnings()});
                if (lineRows.size() == BATCH_SIZE) {
                    flushLines(lineRows);
                }
            }
            Object[] pay = pays.get(n);
            Adjustment adjustment = payAdjustments.get(n);
            if (adjustment != null) {
                adjustmentRows.add(new Object[] {payId, adjustment.kind(), adjustment.amount(), adjustment.memo(),
                        pay[10], adminId});
            }
            eventRows.add(new Object[] {payId, "APPROVED", pay[10], adminId, adminName,
                    payLines.get(n).size() + (payLines.get(n).size() == 1 ? " session" : " sessions")});
            eventRows.add(new Object[] {payId, "PAID", pay[15], adminId, adminName, "Bank transfer, ref. " + pay[14]});
        }
        flushLines(lineRows);
        // As an approval does through the session module: the sessions on a line are marked approved.
        perBatch.executeWithoutResult(status -> jdbc.update("update tutoring_sessions set pay_approved = true"
                + " where id in (select session_id from tutor_pay_lines)"));
        close(calendar, awaitingRun, byTutor, now, adminId);
        openAdjustment(current, now, adminId, adjustmentRows);
        rows.batch("insert into tutor_pay_adjustments (tutor_pay_id, kind, amount_minor, memo, created_at,"
                + " created_by_user_id) values (?, ?, ?, ?, ?, ?)", adjustmentRows);
        rows.batch("insert into tutor_pay_events (tutor_pay_id, action, occurred_at, user_id, user_name, details)"
                + " values (?, ?, ?, ?, ?, ?)", eventRows);
        log.info("Demo payroll: {} tutor pays approved and paid ({} sessions) in {} ms", ids.size(),
                payLines.stream().mapToInt(List::size).sum(), (System.nanoTime() - started) / 1_000_000);
        return ids.size();
    }

    /** One streaming pass over the payable sessions before {@code until}, grouped by tutor and period. */
    private Map<Long, Map<PayPeriod, List<Line>>> plan(PayCalendar calendar, PayPeriod until) {
        Map<Long, Map<PayPeriod, List<Line>>> byTutor = new TreeMap<>();
        rows.streaming().query("select id, tutor_id, starts_at, student_id, subject_id, duration_minutes, status,"
                + " tutor_wage_minor, tutor_earnings_minor from tutoring_sessions"
                + " where status in ('COMPLETED', 'LATE_CANCELLED') and starts_at < ?", rs -> {
                    LocalDateTime startsAt = rs.getObject(3, LocalDateTime.class);
                    PayPeriod period = calendar.containing(startsAt.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone)
                            .toLocalDate());
                    byTutor.computeIfAbsent(rs.getLong(2), tutor -> new TreeMap<>(Comparator.comparing(PayPeriod::start)))
                            .computeIfAbsent(period, p -> new ArrayList<>())
                            .add(new Line(rs.getLong(1), rs.getLong(2), startsAt, rs.getLong(4), rs.getLong(5),
                                    rs.getInt(6), "LATE_CANCELLED".equals(rs.getString(7)), rs.getLong(8),
                                    rs.getLong(9)));
                }, utc(until.from(zone)));
        return byTutor;
    }

    /** Every period from the first session's until {@code until} was closed by its payroll run. */
    private void close(PayCalendar calendar, PayPeriod until, Map<Long, Map<PayPeriod, List<Line>>> byTutor,
            Instant now, Long adminId) {
        LocalDate first = byTutor.values().stream().flatMap(periods -> periods.keySet().stream()).map(PayPeriod::start)
                .min(Comparator.naturalOrder()).orElse(null);
        if (first == null) {
            return;
        }
        List<Object[]> closings = new ArrayList<>();
        for (PayPeriod period = calendar.containing(first); period.start().isBefore(until.start());
                period = calendar.next(period)) {
            Instant closedAt = min(rows.at(period.end().plusDays(1), 9), now);
            closings.add(new Object[] {period.start(), period.end(), utc(closedAt), adminId});
        }
        rows.batch("insert into pay_period_closings (period_start, period_end, closed_at, closed_by_user_id)"
                + " values (?, ?, ?, ?)", closings);
    }

    /** About one pay in ten has a travel reimbursement, one in twenty-five a bonus, one in fifty a deduction. */
    private static Adjustment adjustment(SplittableRandom random, long earnings) {
        int roll = random.nextInt(100);
        if (roll < 10) {
            return new Adjustment("REIMBURSEMENT", 1250 + 25L * random.nextInt(70), "Travel to a student's home");
        }
        if (roll < 14) {
            return new Adjustment("BONUS", random.nextBoolean() ? 2500 : 5000, "Covered a colleague's sessions");
        }
        if (roll < 16 && earnings >= 2000) {
            return new Adjustment("DEDUCTION", 2000, "Pay advance repaid");
        }
        return null;
    }

    /** The first tutor's current period already has a reimbursement (an open pay row). */
    private void openAdjustment(PayPeriod current, Instant now, Long adminId, List<Object[]> adjustmentRows) {
        Long tutorId = jdbc.queryForObject("select min(id) from tutors", Long.class);
        if (tutorId == null) {
            return;
        }
        jdbc.update("insert into tutor_pay (tutor_id, period_start, period_end, state, currency, created_at, updated_at,"
                + " version) values (?, ?, ?, 'OPEN', 'USD', ?, ?, 0)", tutorId, current.start(), current.end(),
                utc(now), utc(now));
        Long payId = jdbc.queryForObject("select id from tutor_pay where tutor_id = ? and period_start = ?", Long.class,
                tutorId, current.start());
        adjustmentRows.add(new Object[] {payId, "REIMBURSEMENT", 1875L, "Workbooks bought for students", utc(now),
                adminId});
    }

    private void flushLines(List<Object[]> lines) {
        if (lines.isEmpty()) {
            return;
        }
        perBatch.executeWithoutResult(status -> jdbc.batchUpdate("insert into tutor_pay_lines (tutor_pay_id, session_id,"
                + " session_starts_at, student_name, subject_name, duration_minutes, late_cancelled, tutor_wage_minor,"
                + " earnings_minor) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", lines));
        lines.clear();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
