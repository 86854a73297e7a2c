package com.tutordesk.schedule;

import com.tutordesk.mail.EmailBody;
import com.tutordesk.mail.HtmlEmail;
import com.tutordesk.mail.MailOutbox;
import com.tutordesk.mail.MailReference;
import com.tutordesk.mail.OutgoingEmail;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminder emails to families (issue 14 "Reminders", domain.md "Schedule"): what the recurring job
 * {@code session-reminders} does on each pass.
 *
 * <ul>
 * <li>A scheduled session that starts within the set number of hours (and has not started) gets a
 *     reminder to the client's billing contact and the student's own email, if any, through the
 *     outbox — once for each start: a session moved after its reminder gets one new notice, "moved
 *     to …", as soon as the move is seen (even when the new start is further ahead).</li>
 * <li>A session cancelled (in time or late) after its reminder went out gets a cancellation notice;
 *     one cancelled before its reminder gets nothing.</li>
 * <li>Sessions that started while no node ran (downtime) get nothing: only starts still ahead count.</li>
 * </ul>
 *
 * <p>Each notice is one transaction: the outbox message and the row in {@code session_reminders}
 * that records it commit together, and that row's primary key and version let only one of two
 * nodes (or a node that a stuck job's take-over raced) record a notice: the other rolls back, its
 * email with it. Switching reminders off stops new reminders; moved and cancelled notices for
 * reminders already sent still go out, as those families were told to come.
 *
 * <p>Reads the session, student, client, tutor and subject tables in one statement per pass (a read
 * model across modules, as the calendar's); emails carry names, date, time with zone, duration and
 * location only — never amounts or notes.
 */
@Component
public class SessionReminders {

    /** The outbox reference type of reminder, moved and cancellation notices ({@code SESSION_REMINDER}, session id). */
    public static final String MAIL_TYPE = "SESSION_REMINDER";
    /** Sessions handled per query; a pass goes on until none is left. */
    static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(SessionReminders.class);

    /** The notice a family got last. */
    enum Notice {
        REMINDER, MOVED, CANCELLED
    }

    /** A session with what a notice about it needs, and the notice recorded so far (if any). */
    record Candidate(long sessionId, Instant startsAt, int durationMinutes, String location, String status,
            String studentName, String studentEmail, String contactName, String contactEmail, String tutorName,
            String subjectName, Instant remindedStartsAt, Notice lastNotice, Long version, long clientId) {
    }

    private static final String SELECT = """
            select s.id, s.starts_at, s.duration_minutes, s.location, s.status, st.name as student_name,
                   st.email as student_email, c.billing_contact_name, c.billing_contact_email, t.name as tutor_name,
                   sub.name as subject_name, r.reminded_starts_at, r.last_notice, r.version, s.client_id
            """;
    private static final String JOINS = """
            join students st on st.id = s.student_id
            join clients c on c.id = s.client_id
            join tutors t on t.id = s.tutor_id
            join subjects sub on sub.id = s.subject_id
            """;

    private final JdbcTemplate jdbc;
    private final MailOutbox outbox;
    private final ReminderSettingsService reminderSettings;
    private final SettingsService settings;
    private final Clock clock;
    private final TransactionTemplate transactions;

    private final com.tutordesk.security.ClientLoginService portalLogins;

    SessionReminders(JdbcTemplate jdbc, MailOutbox outbox, ReminderSettingsService reminderSettings,
            SettingsService settings, Clock clock, PlatformTransactionManager transactionManager,
            com.tutordesk.security.ClientLoginService portalLogins) {
        this.portalLogins = portalLogins;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.reminderSettings = reminderSettings;
        this.settings = settings;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** One pass, to the end. */
    public int sendDue() {
        return sendDue(() -> false);
    }

    /**
     * One pass: notices for sessions moved or cancelled after their reminder, then reminders due.
     *
     * @param stop asked between two sessions; a pass stops early once it says yes (node shutting down)
     * @return how many notices were put in the outbox by this call
     */
    public int sendDue(BooleanSupplier stop) {
        Instant now = clock.instant();
        ReminderSettings reminders = reminderSettings.current();
        BusinessProfile profile = settings.profile();
        int sent = 0;
        sent += work(changedAfterReminder(now), now, profile, stop);
        if (reminders.enabled()) {
            Instant until = now.plus(Duration.ofHours(reminders.hoursBefore()));
            List<Candidate> due;
            do {
                due = due(now, until);
                int round = work(due, now, profile, stop);
                sent += round;
                if (round == 0) {
                    break; // what is left was recorded by another node meanwhile, or stop was asked
                }
            } while (due.size() == BATCH && !stop.getAsBoolean());
        }
        if (sent > 0) {
            log.info("Put {} session reminder(s) or notice(s) in the outbox", sent);
        }
        return sent;
    }

    private int work(List<Candidate> candidates, Instant now, BusinessProfile profile, BooleanSupplier stop) {
        int sent = 0;
        for (Candidate candidate : candidates) {
            if (stop.getAsBoolean()) {
                break;
            }
            Notice notice = noticeFor(candidate, now);
            if (notice == null) {
                continue;
            }
            try {
                transactions.executeWithoutResult(status -> record(candidate, notice, now, profile));
                sent++;
            } catch (DataIntegrityViolationException | OptimisticLockingFailureException raced) {
                // Another node recorded this notice first; its email is the one that goes out.
                log.debug("Notice {} for session {} was recorded by another node", notice, candidate.sessionId());
            }
        }
        return sent;
    }

    /** @return the notice a candidate needs now, or {@code null} for none */
    static Notice noticeFor(Candidate c, Instant now) {
        boolean told = c.lastNotice() != null && c.lastNotice() != Notice.CANCELLED;
        boolean cancelled = c.status().equals("CANCELLED") || c.status().equals("LATE_CANCELLED");
        if (cancelled) {
            // Only a family that was told to come hears of the cancellation, and only before that start.
            return told && c.remindedStartsAt().isAfter(now) ? Notice.CANCELLED : null;
        }
        if (!c.status().equals("SCHEDULED") || !c.startsAt().isAfter(now)) {
            return null;
        }
        if (!told) {
            return Notice.REMINDER;
        }
        return c.remindedStartsAt().equals(c.startsAt()) ? null : Notice.MOVED;
    }

    /** Sessions told about whose start is still ahead, since moved or cancelled. */
    private List<Candidate> changedAfterReminder(Instant now) {
        return jdbc.query(SELECT + " from session_reminders r join tutoring_sessions s on s.id = r.session_id " + JOINS
                + " where r.reminded_starts_at > ? and r.last_notice <> 'CANCELLED'"
                + " and (s.status in ('CANCELLED', 'LATE_CANCELLED') or s.starts_at <> r.reminded_starts_at)"
                + " order by r.reminded_starts_at, s.id", SessionReminders::candidate, utc(now));
    }

    /** Scheduled sessions starting after now and no later than {@code until}, not yet told of this start. */
    private List<Candidate> due(Instant now, Instant until) {
        return jdbc.query(SELECT + " from tutoring_sessions s " + JOINS
                + " left join session_reminders r on r.session_id = s.id"
                + " where s.status = 'SCHEDULED' and s.starts_at > ? and s.starts_at <= ?"
                + " and (r.session_id is null or r.last_notice = 'CANCELLED' or r.reminded_starts_at <> s.starts_at)"
                + " order by s.starts_at, s.id limit " + BATCH, SessionReminders::candidate, utc(now), utc(until));
    }

    /** Records the notice and puts its email in the outbox, in the caller's transaction. */
    private void record(Candidate c, Notice notice, Instant now, BusinessProfile profile) {
        Instant named = notice == Notice.CANCELLED ? c.remindedStartsAt() : c.startsAt();
        if (c.version() == null) {
            jdbc.update("insert into session_reminders (session_id, reminded_starts_at, last_notice, notices, updated_at,"
                    + " version) values (?, ?, ?, 1, ?, 0)", c.sessionId(), utc(named), notice.name(), utc(now));
        } else if (jdbc.update("update session_reminders set reminded_starts_at = ?, last_notice = ?, notices = notices"
                + " + 1, updated_at = ?, version = version + 1 where session_id = ? and version = ?", utc(named),
                notice.name(), utc(now), c.sessionId(), c.version()) != 1) {
            throw new OptimisticLockingFailureException("Session " + c.sessionId() + " was notified meanwhile");
        }
        outbox.enqueue(compose(c, notice, profile,
                portalLogins.portalLink(c.clientId(), "portal").orElse(null)));
    }

    /**
     * The email: to the billing contact and the student's own address (when the student has one of
     * their own), naming student, tutor, subject, date, time with zone, duration and location.
     */
    static OutgoingEmail compose(Candidate c, Notice notice, BusinessProfile profile) {
        return compose(c, notice, profile, null);
    }

    /**
     * As above, with "See it in your portal" when the family has a portal login (issue 18).
     *
     * @param portalLink the family portal's home, or {@code null} for no link
     */
    static OutgoingEmail compose(Candidate c, Notice notice, BusinessProfile profile, java.net.URI portalLink) {
        String student = oneLine(c.studentName());
        String tutor = oneLine(c.tutorName());
        String subject = oneLine(c.subjectName());
        Instant start = notice == Notice.CANCELLED ? c.remindedStartsAt() : c.startsAt();
        String when = when(start, profile);
        String title;
        String line;
        String lead;
        switch (notice) {
            case REMINDER -> {
                title = "Reminder: " + student + "’s " + subject + " session";
                line = "Reminder: " + student + ", " + subject + ", " + when;
                lead = "This is a reminder of " + student + "’s upcoming " + subject + " session with " + tutor + ".";
            }
            case MOVED -> {
                title = student + "’s " + subject + " session has moved";
                line = "Moved: " + student + ", " + subject + " — now " + when;
                lead = student + "’s " + subject + " session with " + tutor + ", planned for "
                        + when(c.remindedStartsAt(), profile) + ", has moved to " + when + ".";
            }
            default -> {
                title = student + "’s " + subject + " session is cancelled";
                line = "Cancelled: " + student + ", " + subject + ", " + when;
                lead = student + "’s " + subject + " session with " + tutor + " on " + when + " has been cancelled.";
            }
        }
        HtmlEmail email = HtmlEmail.titled(title)
                .paragraph("Dear " + oneLine(c.contactName()) + ",")
                .paragraph(lead)
                .field("Student", student)
                .field("Tutor", tutor)
                .field("Subject", subject)
                .field("Date", profile.local(start).format(DateTimeFormatter.ofPattern("EEEE", profile.locale())) + ", "
                        + profile.formatDate(profile.local(start).toLocalDate()))
                .field("Time", profile.formatTime(start) + " – " + profile.formatTime(start.plus(
                        Duration.ofMinutes(c.durationMinutes()))) + " (" + profile.zone().getId() + ")")
                .field("Duration", BusinessProfile.formatDuration(c.durationMinutes()))
                .field("Location", c.location() == null ? null : oneLine(c.location()));
        if (notice == Notice.CANCELLED) {
            email.paragraph("Please get in touch with us to arrange another time.");
        }
        if (portalLink != null) {
            email.link("See it in your portal", portalLink);
        }
        EmailBody body = email.footer("Sent by " + profile.emailSenderName()).build();
        List<String> to = new ArrayList<>(List.of(c.contactEmail()));
        if (c.studentEmail() != null && !c.studentEmail().isBlank()
                && !c.studentEmail().strip().equalsIgnoreCase(c.contactEmail())) {
            to.add(c.studentEmail().strip());
        }
        if (line.length() > OutgoingEmail.SUBJECT_MAX_LENGTH) {
            line = line.substring(0, OutgoingEmail.SUBJECT_MAX_LENGTH - 1) + "…";
        }
        return new OutgoingEmail(new MailReference(MAIL_TYPE, c.sessionId()), to, line, body.text(), body.html(),
                List.of());
    }

    /** @return e.g. "Wed, Nov 25, 4:00 PM (America/New_York)" */
    private static String when(Instant instant, BusinessProfile profile) {
        var local = profile.local(instant);
        return local.getDayOfWeek().getDisplayName(TextStyle.SHORT, profile.locale()) + ", "
                + local.format(DateTimeFormatter.ofPattern("MMM d", profile.locale())) + ", "
                + profile.formatTime(instant) + " (" + profile.zone().getId() + ")";
    }

    private static Candidate candidate(ResultSet rs, int row) throws SQLException {
        LocalDateTime reminded = rs.getObject("reminded_starts_at", LocalDateTime.class);
        String last = rs.getString("last_notice");
        long version = rs.getLong("version");
        boolean hasRow = !rs.wasNull();
        return new Candidate(rs.getLong("id"), ScheduleService.instant(rs.getObject("starts_at", LocalDateTime.class)),
                rs.getInt("duration_minutes"), rs.getString("location"), rs.getString("status"),
                rs.getString("student_name"), rs.getString("student_email"), rs.getString("billing_contact_name"),
                rs.getString("billing_contact_email"), rs.getString("tutor_name"), rs.getString("subject_name"),
                reminded == null ? null : ScheduleService.instant(reminded), last == null ? null : Notice.valueOf(last),
                hasRow && last != null ? version : null, rs.getLong("client_id"));
    }

    private static LocalDateTime utc(Instant instant) {
        return ScheduleService.utc(instant);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
