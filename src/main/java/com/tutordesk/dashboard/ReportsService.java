package com.tutordesk.dashboard;

import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Reports page (issue 19, domain.md "Roles": business reports — admins; a tutor with Enhanced
 * Access the same over their own sessions): revenue by client, tutor or subject for a date range,
 * and tutor utilisation (delivered hours per week). A plain tutor gets "not found".
 *
 * <p>Ranges are business-local dates, both inclusive; a session belongs to the day its start falls
 * on in the business zone. Revenue counts completed and late-cancelled sessions (a scheduled session
 * whose end has passed counts as completed), as the dashboard does. One grouped statement per report.
 */
@Service
public class ReportsService {

    /** Longest range a report covers, in days. */
    public static final int MAX_DAYS = 3 * 366;

    /** What a revenue report is grouped by. */
    public enum Dimension {
        CLIENT("Client", "s.client_id", "clients"),
        TUTOR("Tutor", "s.tutor_id", "tutors"),
        SUBJECT("Subject", "s.subject_id", "subjects");

        private final String label;
        private final String column;
        private final String table;

        Dimension(String label, String column, String table) {
            this.label = label;
            this.column = column;
            this.table = table;
        }

        public String label() {
            return label;
        }
    }

    private final com.tutordesk.session.TutorWeekTotals tutorWeeks;
    private final JdbcTemplate jdbc;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final Clock clock;

    ReportsService(JdbcTemplate jdbc, CurrentUserService currentUsers, SettingsService settings, Clock clock,
            com.tutordesk.session.TutorWeekTotals tutorWeeks) {
        this.tutorWeeks = tutorWeeks;
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return whether the signed-in user may open the Reports page (admins, Enhanced-Access tutors) */
    public boolean mayUse() {
        return currentUsers.find().map(ReportsService::mayUse).orElse(false);
    }

    /**
     * Revenue, tutor costs and sessions per client, tutor or subject, largest revenue first (then name).
     *
     * @param from first business-local day, inclusive
     * @param to   last business-local day, inclusive
     * @throws NotFoundException for a plain tutor
     * @throws IllegalArgumentException for a range that ends before it starts or spans more than {@value #MAX_DAYS} days
     */
    @Transactional(readOnly = true)
    public List<RevenueLine> revenue(Dimension by, LocalDate from, LocalDate to) {
        CurrentUser user = require();
        checkRange(from, to);
        BusinessProfile profile = settings.profile();
        List<Object> params = new ArrayList<>();
        params.add(DashboardService.utc(clock.instant()));
        params.add(DashboardService.utc(clock.instant()));
        params.add(DashboardService.utc(from.atStartOfDay(profile.zone()).toInstant()));
        params.add(DashboardService.utc(to.plusDays(1).atStartOfDay(profile.zone()).toInstant()));
        String scope = scope(user, params);
        return jdbc.query("select x.k, n.name, x.sessions, x.minutes, x.revenue, x.costs from (select "
                + by.column + " as k, count(*) as sessions, sum(s.duration_minutes) as minutes,"
                + " sum(s.client_amount_minor) as revenue, sum(s.tutor_earnings_minor) as costs"
                + " from tutoring_sessions s where " + DashboardService.CHARGED
                + " and s.starts_at >= ? and s.starts_at < ?" + scope + " group by " + by.column + ") x"
                + " join " + by.table + " n on n.id = x.k order by x.revenue desc, n.name, x.k",
                (rs, n) -> new RevenueLine(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)), params.toArray());
    }

    /**
     * Delivered sessions and minutes per business week and tutor for the weeks that hold {@code from}
     * to {@code to} (whole weeks, starting on the business locale's first day of the week), oldest
     * week first, then tutor name. Only tutor–week pairs with sessions are listed.
     *
     * @throws NotFoundException for a plain tutor
     * @throws IllegalArgumentException for a range that ends before it starts or spans more than {@value #MAX_DAYS} days
     */
    @Transactional(readOnly = true)
    public List<WeekTutorSessions> utilisation(LocalDate from, LocalDate to) {
        CurrentUser user = require();
        checkRange(from, to);
        // Per tutor and business week, kept on write (issue 19: reading the weeks' sessions took 1.6 s at a
        // million).
        return tutorWeeks.delivered(from, to, user.isAdmin() ? null : user.tutorId(), clock.instant()).stream()
                .map(w -> new WeekTutorSessions(w.weekStart(), w.tutorId(), w.tutorName(), w.sessions(), w.minutes()))
                .toList();
    }

    private static String scope(CurrentUser user, List<Object> params) {
        if (user.isAdmin()) {
            return "";
        }
        params.add(user.tutorId());
        return " and s.tutor_id = ?";
    }

    private CurrentUser require() {
        CurrentUser user = currentUsers.require();
        if (!mayUse(user)) {
            throw new NotFoundException("Page", "reports");
        }
        return user;
    }

    private static boolean mayUse(CurrentUser user) {
        return user.isAdmin() || (user.enhancedAccess() && user.tutorId() != null);
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("A report needs a first and a last day");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The last day " + to + " is before the first day " + from);
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("A report covers at most " + MAX_DAYS + " days");
        }
    }
}
