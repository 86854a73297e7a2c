package com.tutordesk.session;

import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The session module's API. Every method scopes what it returns to the current user (domain.md
 * "Roles": admins see all sessions, tutors their own).
 */
@Service
public class SessionService {

    /** The home page shows today and this many following days. */
    public static final int AGENDA_FOLLOWING_DAYS = 7;

    private final SessionRepository sessions;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final Clock clock;

    SessionService(SessionRepository sessions, CurrentUserService currentUsers, SettingsService settings,
            Clock clock) {
        this.sessions = sessions;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * One session with every field its viewer may see.
     *
     * @throws com.tutordesk.shared.NotFoundException when the session does not exist or is not the
     *         viewer's (a tutor asking for another tutor's session learns nothing more)
     */
    @Transactional(readOnly = true)
    public SessionDetails details(long id) {
        CurrentUser user = currentUsers.require();
        TutoringSession s = sessions.findById(id)
                .filter(found -> user.maySeeSessionsOf(found.getTutorId()))
                .orElseThrow(() -> new com.tutordesk.shared.NotFoundException("Session", id));
        var engagement = s.getEngagement();
        boolean clientAmounts = user.maySeeClientAmounts();
        ReportState reportState = s.getReportSentAt() != null ? ReportState.SENT
                : s.getReport() == null ? ReportState.NONE : ReportState.WRITTEN;
        SessionStatus status = s.getStatus().asOf(s.getEndsAt(), clock.instant());
        return new SessionDetails(s.getId(), s.getVersion(), engagement.getId(), s.getStartsAt(), s.getEndsAt(),
                s.getTimeZone(), s.getDurationMinutes(), s.getTutorId(), engagement.getTutor().getName(),
                engagement.getStudent().getName(), s.getClientId(), engagement.getStudent().getClient().getName(),
                engagement.getSubject().getName(), s.getLocation(), status,
                BillingState.of(s.getBillingState(), status, s.getBillableAmountMinor()), s.getRating(), s.getReport(), reportState, s.getInternalNote(),
                clientAmounts ? s.getClientRateMinor() : null, clientAmounts ? s.getClientAmountMinor() : null,
                s.getTutorWageMinor(), s.getTutorEarningsMinor(), s.getCurrency(), s.getCreatedAt(), s.getUpdatedAt(),
                s.getPrepaidMinutes(), s.getRemainderMinutes(), clientAmounts ? s.getBillableAmountMinor() : null);
    }

    /**
     * The signed-in person's sessions for today and the next {@value #AGENDA_FOLLOWING_DAYS} days in
     * the business time zone, in start order: all sessions for an admin, their own for a tutor.
     *
     * @throws org.springframework.security.authentication.AuthenticationCredentialsNotFoundException
     *         when nobody is signed in
     */
    @Transactional(readOnly = true)
    public List<AgendaEntry> agenda() {
        CurrentUser user = currentUsers.require();
        BusinessProfile profile = settings.profile();
        LocalDate today = profile.today(clock);
        Instant from = today.atStartOfDay(profile.zone()).toInstant();
        Instant to = today.plusDays(AGENDA_FOLLOWING_DAYS + 1L).atStartOfDay(profile.zone()).toInstant();
        Instant now = clock.instant();
        return sessions.findAgenda(from, to, user.sessionScopeTutorId()).stream()
                .map(e -> new AgendaEntry(e.id(), e.startsAt(), e.endsAt(), e.durationMinutes(),
                        e.status().asOf(e.endsAt(), now), e.studentName(), e.clientName(), e.subjectName(),
                        e.tutorName(), e.location()))
                .toList();
    }
}
