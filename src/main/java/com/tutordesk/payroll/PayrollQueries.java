package com.tutordesk.payroll;

import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.shared.NotFoundException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the payroll pages read: a period with one row per tutor (admins), one tutor's statement
 * (admins any, a tutor their own), a tutor's own pay (My pay), and a tutor's earnings in the current
 * period (for the dashboard). Rules: domain.md "Payroll" and "Roles" ("payroll: admin yes; tutors,
 * with or without Enhanced Access, their own earnings"); another tutor's statement is "not found",
 * exactly as one that does not exist. Which sessions a pay holds: {@link PayrollBook}.
 */
@Service
public class PayrollQueries {

    /**
     * A period in the Payroll page's period list, with how far its approval has come.
     *
     * @param period   the pay period
     * @param current  whether today falls in it
     * @param approved tutors whose pay for it is approved and not yet paid
     * @param paid     tutors whose pay for it is paid
     */
    public record PeriodChoice(PayPeriod period, boolean current, int approved, int paid) {
    }

    /**
     * A tutor's pay in one period so far (for the dashboard's "earnings in the current pay period").
     *
     * @param period the pay period
     * @param state  open, approved or paid
     * @param totals sessions, minutes, earnings (minor units) and adjustments
     */
    public record PeriodEarnings(PayPeriod period, PayState state, PayTotals totals) {
    }

    private final PayrollBook book;
    private final PayPeriods periods;
    private final CurrentUserService currentUsers;
    private final NamedParameterJdbcTemplate jdbc;

    PayrollQueries(PayrollBook book, PayPeriods periods, CurrentUserService currentUsers,
            NamedParameterJdbcTemplate jdbc) {
        this.book = book;
        this.periods = periods;
        this.currentUsers = currentUsers;
        this.jdbc = jdbc;
    }

    /**
     * The pay period containing {@code date} (the current one for {@code null}) with one row per
     * tutor who has sessions, adjustments or an approval in it, by name, and the footer totals.
     *
     * @throws org.springframework.security.access.AccessDeniedException unless the user is an admin
     */
    @Transactional(readOnly = true)
    public PeriodPayroll period(LocalDate date) {
        currentUsers.requireAdmin();
        PayPeriod period = date == null ? periods.current() : periods.containing(date);
        List<PayrollBook.Entry> entries = book.period(period, null, false);
        Map<Long, String> names = book.tutorNames(entries.stream().map(PayrollBook.Entry::tutorId).toList());
        List<TutorPayRow> rows = entries.stream().map(entry -> row(entry, names.get(entry.tutorId())))
                .sorted(Comparator.comparing(TutorPayRow::tutorName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparingLong(TutorPayRow::tutorId))
                .toList();
        LocalDate today = periods.today();
        return new PeriodPayroll(period, period.contains(today), period.hasEndedBy(today), rows,
                PayTotals.sum(rows.stream().map(TutorPayRow::totals).toList()));
    }

    /**
     * The current period and the {@code count - 1} before it, newest first, each with how many tutors'
     * pay is approved and paid.
     *
     * @throws org.springframework.security.access.AccessDeniedException unless the user is an admin
     */
    @Transactional(readOnly = true)
    public List<PeriodChoice> recentPeriods(int count) {
        currentUsers.requireAdmin();
        List<PayPeriod> recent = periods.recent(count);
        LocalDate today = periods.today();
        Map<LocalDate, int[]> states = new java.util.HashMap<>();
        jdbc.query("select period_start, state, count(*) as tutors from tutor_pay where period_start between :first"
                + " and :last and state <> 'OPEN' group by period_start, state",
                new MapSqlParameterSource("first", recent.getLast().start()).addValue("last", recent.getFirst().start()),
                rs -> {
                    int[] counts = states.computeIfAbsent(rs.getObject("period_start", LocalDate.class),
                            start -> new int[2]);
                    counts[PayState.valueOf(rs.getString("state")) == PayState.PAID ? 1 : 0] += rs.getInt("tutors");
                });
        return recent.stream().map(period -> {
            int[] counts = states.getOrDefault(period.start(), new int[2]);
            return new PeriodChoice(period, period.contains(today), counts[0], counts[1]);
        }).toList();
    }

    /**
     * One tutor's statement for the period starting on {@code periodStart}: admins any tutor's,
     * a tutor (with or without Enhanced Access) only their own.
     *
     * @throws NotFoundException when the tutor or the period does not exist, or the statement is
     *         another tutor's (the same answer on purpose)
     */
    @Transactional(readOnly = true)
    public PayStatement statement(long tutorId, LocalDate periodStart) {
        CurrentUser user = currentUsers.require();
        if (!user.isAdmin() && !Long.valueOf(tutorId).equals(user.tutorId())) {
            throw notFound(tutorId, periodStart);
        }
        if (!book.tutorExists(tutorId)) {
            throw notFound(tutorId, periodStart);
        }
        PayrollBook.Run run = book.run(tutorId, periodStart);
        PayPeriod period = run != null ? run.period() : calendarPeriod(periodStart, tutorId);
        List<PayrollBook.Entry> entries = book.period(period, tutorId, true);
        PayrollBook.Entry entry = entries.isEmpty()
                ? new PayrollBook.Entry(tutorId, period, run, List.of(), List.of(), PayTotals.ZERO, 0)
                : entries.getFirst();
        boolean ended = period.hasEndedBy(periods.today());
        PayState state = entry.state();
        PayStatement.Allowed allowed = user.isAdmin()
                ? new PayStatement.Allowed(state == PayState.OPEN && ended
                        && (!entry.lines().isEmpty() || !entry.adjustments().isEmpty()),
                        state == PayState.APPROVED, state == PayState.APPROVED, state == PayState.OPEN)
                : PayStatement.Allowed.NOTHING;
        PayrollBook.Run stored = entry.run();
        return new PayStatement(tutorId, book.tutorNames(List.of(tutorId)).get(tutorId), period, state, ended, entry.lines(), entry.adjustments(),
                entry.totals(), stored == null ? null : stored.approvedAt(), stored == null ? null : stored.paidOn(),
                stored == null ? null : stored.paidMethod(), stored == null ? null : stored.paidReference(),
                stored == null ? List.of() : book.events(stored.id()), allowed);
    }

    /**
     * The signed-in tutor's own pay: unpaid earnings (approved and not yet approved), the current
     * period so far, and every period with something for them, newest first.
     *
     * @throws org.springframework.security.access.AccessDeniedException for an admin (who has no pay of their own)
     */
    @Transactional(readOnly = true)
    public MyPay myPay() {
        CurrentUser user = currentUsers.require();
        if (!user.isTutor()) {
            throw new org.springframework.security.access.AccessDeniedException("My pay is for tutors");
        }
        long tutorId = user.tutorId();
        String name = book.tutorNames(List.of(tutorId)).get(tutorId);
        PayPeriod current = periods.current();
        List<TutorPayRow> rows = book.ofTutor(tutorId).stream().map(entry -> row(entry, name)).toList();
        long approvedUnpaid = rows.stream().filter(row -> row.state() == PayState.APPROVED)
                .mapToLong(row -> row.totals().totalMinor()).sum();
        long open = rows.stream().filter(row -> row.state() == PayState.OPEN)
                .mapToLong(row -> row.totals().totalMinor()).sum();
        PayTotals currentTotals = rows.stream().filter(row -> row.period().equals(current)).map(TutorPayRow::totals)
                .findFirst().orElse(PayTotals.ZERO);
        return new MyPay(tutorId, name, current, currentTotals, approvedUnpaid, open, rows);
    }

    /**
     * A tutor's pay in the current period so far: sessions, minutes, earnings and adjustments (for
     * the dashboard). Admins may ask for any tutor, a tutor for themselves.
     *
     * @throws NotFoundException for another tutor (the same as for a tutor who does not exist)
     */
    @Transactional(readOnly = true)
    public PeriodEarnings currentPeriodEarnings(long tutorId) {
        CurrentUser user = currentUsers.require();
        if (!user.isAdmin() && !Long.valueOf(tutorId).equals(user.tutorId())) {
            throw new NotFoundException("Tutor", tutorId);
        }
        PayPeriod current = periods.current();
        return book.period(current, tutorId, false).stream().findFirst()
                .map(entry -> new PeriodEarnings(current, entry.state(), entry.totals()))
                .orElse(new PeriodEarnings(current, PayState.OPEN, PayTotals.ZERO));
    }

    private PayPeriod calendarPeriod(LocalDate periodStart, long tutorId) {
        PayPeriod period = periods.containing(periodStart);
        if (!period.start().equals(periodStart)) {
            throw notFound(tutorId, periodStart);
        }
        return period;
    }

    private static NotFoundException notFound(long tutorId, LocalDate periodStart) {
        return new NotFoundException("Pay statement", tutorId + "/" + periodStart);
    }

    static TutorPayRow row(PayrollBook.Entry entry, String tutorName) {
        PayrollBook.Run run = entry.run();
        return new TutorPayRow(entry.tutorId(), tutorName, entry.period(), entry.state(), entry.totals(), entry.carried(),
                run == null ? null : run.paidOn(), run == null ? null : run.paidMethod(),
                run == null ? null : run.paidReference());
    }
}
