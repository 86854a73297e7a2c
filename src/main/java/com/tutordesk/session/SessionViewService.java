package com.tutordesk.session;

import com.tutordesk.mail.MailOutbox;
import com.tutordesk.mail.OutboxMessage;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads for the session page (issue 5): the session's fields as the viewer may see them, the state
 * of its report email, what the viewer may do and its history. Changes go through
 * {@link SessionReportService} and {@link SessionEditingService}.
 */
@Service
public class SessionViewService {

    private final SessionService sessionService;
    private final SessionGuard guard;
    private final SessionHistoryRepository history;
    private final MailOutbox outbox;
    private final CurrentUserService currentUsers;
    private final Clock clock;

    SessionViewService(SessionService sessionService, SessionGuard guard, SessionHistoryRepository history,
            MailOutbox outbox, CurrentUserService currentUsers, Clock clock) {
        this.sessionService = sessionService;
        this.guard = guard;
        this.history = history;
        this.outbox = outbox;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    /**
     * @throws com.tutordesk.shared.NotFoundException when the session does not exist or is not the
     *         viewer's (the same answer for both)
     */
    @Transactional(readOnly = true)
    public SessionPage page(long sessionId) {
        CurrentUser user = currentUsers.require();
        SessionDetails details = sessionService.details(sessionId);
        TutoringSession session = guard.visible(sessionId, user);
        Instant now = clock.instant();
        String lock = guard.billingLock(session);
        boolean editable = lock == null;
        String sendRefusal = SessionReportService.sendRefusal(session, now);
        SessionStatus status = session.getStatus().asOf(session.getEndsAt(), now);
        boolean billable = BillingState.of(session.getBillingState(), status, session.getBillableAmountMinor())
                == BillingState.UNBILLED;
        SessionActions actions = new SessionActions(SessionReportService.mayRate(session, now), sendRefusal == null,
                sendRefusal, editable, editable && status != SessionStatus.LATE_CANCELLED,
                editable && status == SessionStatus.LATE_CANCELLED, editable, lock,
                user.maySeeClientAmounts() && billable, !editable);
        List<SessionHistoryLine> lines = history.findBySessionIdOrderByOccurredAtDescIdDesc(sessionId).stream()
                .map(entry -> new SessionHistoryLine(entry.getId(), entry.getOccurredAt(), entry.getUserName(),
                        entry.getAction().label(), entry.getDetails()))
                .toList();
        return new SessionPage(details, guard.invoiceNumber(session).orElse(null), session.getReportSentTo(),
                session.getReportSentAt(), session.isReportEditedAfterSend(), delivery(sessionId).orElse(null), actions,
                lines);
    }

    /**
     * Where the latest report email of the session is (the page asks again while it is on its way).
     *
     * @throws com.tutordesk.shared.NotFoundException when the session is not the viewer's
     */
    @Transactional(readOnly = true)
    public Optional<ReportDelivery> reportDelivery(long sessionId) {
        guard.visible(sessionId, currentUsers.require());
        return delivery(sessionId);
    }

    private Optional<ReportDelivery> delivery(long sessionId) {
        return outbox.latestFor(SessionReportService.mailReference(sessionId)).map(SessionViewService::toDelivery);
    }

    private static ReportDelivery toDelivery(OutboxMessage message) {
        return new ReportDelivery(String.join(", ", message.recipients()), message.state(), message.reason(),
                message.createdAt(), message.sentAt());
    }
}
