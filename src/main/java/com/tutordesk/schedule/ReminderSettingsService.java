package com.tutordesk.schedule;

import com.tutordesk.security.CurrentUserService;
import com.tutordesk.shared.InvalidFieldException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminder settings (issue 14 "Reminders": default 24 hours, with an off switch). Anyone's jobs
 * read them; only admins change them (domain.md "manage settings: admin").
 */
@Service
public class ReminderSettingsService {

    private final JdbcTemplate jdbc;
    private final CurrentUserService currentUsers;

    ReminderSettingsService(JdbcTemplate jdbc, CurrentUserService currentUsers) {
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
    }

    /** @return the settings now (one primary-key read) */
    @Transactional(readOnly = true)
    public ReminderSettings current() {
        return jdbc.queryForObject("select reminders_enabled, reminder_hours_before, version from schedule_settings"
                + " where id = 1", (rs, i) -> new ReminderSettings(rs.getBoolean(1), rs.getInt(2), rs.getLong(3)));
    }

    /**
     * @param expectedVersion the version the caller's form showed
     * @return the settings as saved
     * @throws org.springframework.security.access.AccessDeniedException unless the user is an admin
     * @throws InvalidFieldException ("hoursBefore") for hours outside
     *         {@value ReminderSettings#MIN_HOURS}–{@value ReminderSettings#MAX_HOURS}
     * @throws OptimisticLockingFailureException when someone saved them since the form read them
     */
    @Transactional
    public ReminderSettings update(boolean enabled, Integer hoursBefore, long expectedVersion) {
        currentUsers.requireAdmin();
        if (hoursBefore == null || hoursBefore < ReminderSettings.MIN_HOURS || hoursBefore > ReminderSettings.MAX_HOURS) {
            throw new InvalidFieldException("hoursBefore", "Hours before the session must be "
                    + ReminderSettings.MIN_HOURS + "–" + ReminderSettings.MAX_HOURS);
        }
        int updated = jdbc.update("update schedule_settings set reminders_enabled = ?, reminder_hours_before = ?,"
                + " version = version + 1 where id = 1 and version = ?", enabled, hoursBefore, expectedVersion);
        if (updated != 1) {
            throw new OptimisticLockingFailureException("The reminder settings were changed by someone else");
        }
        return current();
    }
}
