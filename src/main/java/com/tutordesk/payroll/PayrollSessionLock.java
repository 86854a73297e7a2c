package com.tutordesk.payroll;

import com.tutordesk.session.PayrollLock;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the session module's question "is this session's tutor pay approved" from the lines
 * approvals wrote ({@link TutorPayLine}; lines exist only while their pay is approved or paid).
 * The pay period a session must stay in is the one its approved start falls in under the current
 * pay schedule. Checks no role, and runs in the caller's transaction (the edit it guards).
 */
@Component
class PayrollSessionLock implements PayrollLock {

    private final NamedParameterJdbcTemplate jdbc;
    private final PayPeriods periods;
    private final SettingsService settings;

    PayrollSessionLock(NamedParameterJdbcTemplate jdbc, PayPeriods periods, SettingsService settings) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.settings = settings;
    }

    @Override
    public Optional<ApprovedPay> approvedPayOf(long sessionId) {
        BusinessProfile profile = settings.profile();
        List<ApprovedPay> found = jdbc.query("""
                select p.tutor_id, p.period_start, p.period_end, l.earnings_minor, l.session_starts_at
                from tutor_pay_lines l join tutor_pay p on p.id = l.tutor_pay_id
                where l.session_id = :sessionId
                """, new MapSqlParameterSource("sessionId", sessionId), (rs, i) -> {
                    PayPeriod paidIn = new PayPeriod(rs.getObject("period_start", LocalDate.class),
                            rs.getObject("period_end", LocalDate.class));
                    LocalDate approvedDate = rs.getObject("session_starts_at", LocalDateTime.class)
                            .toInstant(ZoneOffset.UTC).atZone(profile.zone()).toLocalDate();
                    PayPeriod own = periods.containing(approvedDate);
                    return new ApprovedPay(paidIn.label(profile), rs.getLong("tutor_id"), rs.getLong("earnings_minor"),
                            own.from(profile.zone()), own.to(profile.zone()));
                });
        return found.stream().findFirst();
    }

    @Override
    public Set<Long> approvedAmong(Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("select session_id from tutor_pay_lines where session_id in (:ids)",
                new MapSqlParameterSource("ids", Set.copyOf(sessionIds)), Long.class));
    }
}
