package com.tutordesk.session;

import com.tutordesk.mail.EmailBody;
import com.tutordesk.mail.HtmlEmail;
import com.tutordesk.mail.MailOutbox;
import com.tutordesk.mail.MailReference;
import com.tutordesk.mail.OutgoingEmail;
import com.tutordesk.people.Client;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.Fields;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Rating, session report and internal note, and "Save and Send report" (issue 5): the report goes
 * to the client's billing contact (the parent or guardian, or the adult student) through the email
 * outbox, enqueued in the same transaction as the save so that it is sent iff the save commits,
 * after the commit, with retries while the mail server is down. The email names the student, tutor,
 * subject and date, shows the rating if given, comes from the business's email sender name, and
 * never contains the internal note (domain.md "Session"). Every change is recorded in the session's
 * history. Tutors work on their own sessions only; admins on all (domain.md "Roles"). While a report
 * is typed, the page keeps it as the typist's draft on the server ({@link #saveDraft}); saving the
 * report removes the draft.
 */
@Service
public class SessionReportService {

    /** The outbox reference type of session-report emails ({@code SESSION_REPORT}, session id). */
    public static final String MAIL_TYPE = "SESSION_REPORT";

    private final SessionGuard guard;
    private final SessionRepository sessions;
    private final MailOutbox outbox;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final Clock clock;
    private final ReportDraftStore drafts;

    private final com.tutordesk.security.ClientLoginService portalLogins;

    SessionReportService(SessionGuard guard, SessionRepository sessions, MailOutbox outbox,
            CurrentUserService currentUsers, SettingsService settings, Clock clock, ReportDraftStore drafts,
            com.tutordesk.security.ClientLoginService portalLogins) {
        this.portalLogins = portalLogins;
        this.guard = guard;
        this.sessions = sessions;
        this.outbox = outbox;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.clock = clock;
        this.drafts = drafts;
    }

    /**
     * Keeps the report the caller is typing as their draft of this session's report (the page calls
     * it every few seconds while they type), so that losing the server or the browser loses seconds
     * of typing, not the report. Changes nothing of the session: no version, no history, no email.
     *
     * @param text what the report field holds; longer than {@link TutoringSession#REPORT_MAX_LENGTH}
     *             characters is cut there (the field refuses more)
     * @return when the draft was saved (UTC)
     * @throws com.tutordesk.shared.NotFoundException when the session does not exist or is not the caller's
     */
    public Instant saveDraft(long sessionId, String text) {
        CurrentUser user = currentUsers.require();
        String value = text == null ? "" : text;
        String kept = value.length() > TutoringSession.REPORT_MAX_LENGTH
                ? value.substring(0, TutoringSession.REPORT_MAX_LENGTH) : value;
        return guard.writeOwnRow(() -> {
            guard.visible(sessionId, user);
            Instant now = clock.instant();
            drafts.save(sessionId, user.userId(), kept, now);
            return now;
        });
    }

    /**
     * @return the caller's unsaved draft of this session's report, if any
     * @throws com.tutordesk.shared.NotFoundException when the session does not exist or is not the caller's
     */
    public java.util.Optional<ReportDraft> draft(long sessionId) {
        CurrentUser user = currentUsers.require();
        return guard.write(() -> {
            guard.visible(sessionId, user);
            return drafts.find(sessionId, user.userId());
        });
    }

    /** @return the outbox reference of a session's report emails */
    public static MailReference mailReference(long sessionId) {
        return new MailReference(MAIL_TYPE, sessionId);
    }

    /**
     * Saves rating, report and internal note. Unchanged fields are left alone (and not recorded).
     *
     * @param seenVersion the session version the caller's page showed
     * @throws com.tutordesk.shared.NotFoundException when the session does not exist or is not the caller's
     * @throws InvalidFieldException naming the field: rating outside 1–5, a rating for a session that
     *         has not taken place, a report or note over its limit
     * @throws SessionChangedException when someone else changed the session since (nothing is saved)
     */
    public void save(long sessionId, long seenVersion, SessionNotes notes) {
        CurrentUser user = currentUsers.require();
        SessionNotes clean = validate(notes);
        guard.write(() -> {
            TutoringSession session = guard.visible(sessionId, user);
            guard.requireUnchangedSince(session, seenVersion);
            Instant now = clock.instant();
            if (apply(session, clean, user, now)) {
                sessions.saveAndFlush(session);
            }
            drafts.delete(sessionId, user.userId());
            return null;
        });
    }

    /**
     * Saves as {@link #save}, then emails the report to the billing contact (through the outbox: sent
     * after this commits). The session records when and to whom; sending again is allowed and
     * recorded each time.
     *
     * @return what happened to the email (issue 12: never "sent" before it was): "queued for
     *         ann@example.org", or "held: no mail server configured (for ann@example.org)"
     * @throws InvalidFieldException as {@link #save}, and "report" when it is empty
     * @throws RuleViolationException when the session has not started yet or was cancelled in time
     * @throws SessionChangedException when someone else changed the session since (nothing is saved or sent)
     */
    public String saveAndSend(long sessionId, long seenVersion, SessionNotes notes) {
        CurrentUser user = currentUsers.require();
        SessionNotes clean = validate(notes);
        if (clean.report() == null) {
            throw new InvalidFieldException("report", "Write the session report before sending it");
        }
        return guard.write(() -> {
            TutoringSession session = guard.visible(sessionId, user);
            guard.requireUnchangedSince(session, seenVersion);
            Instant now = clock.instant();
            String refusal = sendRefusal(session, now);
            if (refusal != null) {
                throw new RuleViolationException(refusal);
            }
            apply(session, clean, user, now);
            Client client = session.getEngagement().getStudent().getClient();
            String to = client.getBillingContactEmail();
            String happened = outbox.message(outbox.enqueue(compose(session, client, settings.profile(),
                    portalLogins.portalLink(client.getId(), "portal/sessions/" + session.getId()).orElse(null)))).queuedText();
            session.recordReportSent(to, now);
            session.markEdited(now);
            sessions.saveAndFlush(session);
            guard.record(session.getId(), user, SessionHistoryEntry.Action.REPORT_SENT, happened, now);
            drafts.delete(sessionId, user.userId());
            return happened;
        });
    }

    /** @return why the report of this session cannot be sent now, or {@code null} when it can */
    static String sendRefusal(TutoringSession session, Instant now) {
        if (session.getStatus() == SessionStatus.CANCELLED) {
            return "This session was cancelled in time: there is no report to send.";
        }
        if (session.getStartsAt().isAfter(now)) {
            return "This session has not taken place yet: send its report afterwards.";
        }
        return null;
    }

    /** @return whether the session can be rated: it has started and was not cancelled */
    static boolean mayRate(TutoringSession session, Instant now) {
        return !session.getStartsAt().isAfter(now) && !session.getStatus().isCancelled();
    }

    private boolean apply(TutoringSession session, SessionNotes notes, CurrentUser user, Instant now) {
        if (notes.rating() != null && !java.util.Objects.equals(notes.rating(), session.getRating())
                && !mayRate(session, now)) {
            throw new InvalidFieldException("rating", "Only a session that has taken place can be rated");
        }
        boolean changed = false;
        if (session.rate(notes.rating())) {
            guard.record(session.getId(), user, SessionHistoryEntry.Action.RATED,
                    notes.rating() == null ? "Rating cleared" : notes.rating() + " of 5", now);
            changed = true;
        }
        boolean wasSent = session.getReportSentAt() != null;
        if (session.writeReport(notes.report())) {
            guard.record(session.getId(), user, SessionHistoryEntry.Action.REPORT_SAVED,
                    notes.report() == null ? "Report removed" : wasSent ? "Edited after sending" : null, now);
            changed = true;
        }
        if (session.writeInternalNote(notes.internalNote())) {
            guard.record(session.getId(), user, SessionHistoryEntry.Action.NOTE_SAVED,
                    notes.internalNote() == null ? "Note removed" : null, now);
            changed = true;
        }
        if (changed) {
            session.markEdited(now);
        }
        return changed;
    }

    /** Checks the fields and normalizes blank texts to {@code null} (the sessions list reads that as "no report"). */
    static SessionNotes validate(SessionNotes notes) {
        if (notes == null) {
            throw new IllegalArgumentException("Rating, report and note are required");
        }
        Integer rating = notes.rating();
        if (rating != null && (rating < TutoringSession.MIN_RATING || rating > TutoringSession.MAX_RATING)) {
            throw new InvalidFieldException("rating", "Rating must be " + TutoringSession.MIN_RATING + " to "
                    + TutoringSession.MAX_RATING + " stars, or none");
        }
        String report = Fields.optional("report", "Session report", notes.report(), TutoringSession.REPORT_MAX_LENGTH);
        String note = Fields.optional("internalNote", "Internal note", notes.internalNote(),
                TutoringSession.INTERNAL_NOTE_MAX_LENGTH);
        return new SessionNotes(rating, report, note);
    }

    /**
     * The report email. Built only from what the billing contact may read: never the internal note,
     * never amounts. Every text is escaped in the HTML part by {@link HtmlEmail}.
     */
    static OutgoingEmail compose(TutoringSession session, Client client, BusinessProfile profile) {
        return compose(session, client, profile, null);
    }

    /**
     * {@link #compose(TutoringSession, Client, BusinessProfile)} with "See it in your portal" when the
     * family has a portal login (issue 18).
     *
     * @param portalLink the session's page in the family portal, or {@code null} for no link
     */
    static OutgoingEmail compose(TutoringSession session, Client client, BusinessProfile profile,
            java.net.URI portalLink) {
        var engagement = session.getEngagement();
        String student = oneLine(engagement.getStudent().getName());
        String tutor = oneLine(engagement.getTutor().getName());
        String subject = oneLine(engagement.getSubject().getName());
        String date = profile.formatDate(profile.local(session.getStartsAt()).toLocalDate());
        String time = profile.formatTime(session.getStartsAt()) + " – " + profile.formatTime(session.getEndsAt());
        HtmlEmail email = HtmlEmail.titled("Session report for " + student)
                .paragraph("Dear " + oneLine(client.getBillingContactName()) + ",")
                .paragraph(tutor + " has written a report on " + student + "’s " + subject + " session of " + date + ".")
                .field("Student", student)
                .field("Tutor", tutor)
                .field("Subject", subject)
                .field("Date", date)
                .field("Time", time + " (" + profile.zone().getId() + ")")
                .field("Duration", BusinessProfile.formatDuration(session.getDurationMinutes()))
                .field("Status", session.getStatus() == SessionStatus.LATE_CANCELLED ? "Cancelled at short notice" : null)
                .field("Rating", session.getRating() == null ? null : stars(session.getRating()))
                .text(session.getReport());
        if (portalLink != null) {
            email.link("See it in your portal", portalLink);
        }
        email.footer("Sent by " + profile.emailSenderName());
        EmailBody body = email.build();
        String line = "Session report: " + student + ", " + subject + ", " + date;
        if (line.length() > OutgoingEmail.SUBJECT_MAX_LENGTH) {
            line = line.substring(0, OutgoingEmail.SUBJECT_MAX_LENGTH - 1) + "…";
        }
        return OutgoingEmail.of(mailReference(session.getId()), client.getBillingContactEmail(), line, body);
    }

    /** @return e.g. "★★★★☆ (4 of 5)" */
    static String stars(int rating) {
        return "★".repeat(rating) + "☆".repeat(TutoringSession.MAX_RATING - rating) + " (" + rating + " of "
                + TutoringSession.MAX_RATING + ")";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
