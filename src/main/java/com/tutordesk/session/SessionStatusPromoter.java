package com.tutordesk.session;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks scheduled sessions whose end has passed as completed (domain.md: "A scheduled session
 * becomes completed once its end has passed, no manual step needed"). One idempotent UPDATE, so
 * running it on several nodes at once is harmless. Reads stay right in between through
 * {@link SessionStatus#asOf}.
 */
@Component
class SessionStatusPromoter {

    private static final Logger log = LoggerFactory.getLogger(SessionStatusPromoter.class);

    private final SessionRepository sessions;
    private final Clock clock;

    SessionStatusPromoter(SessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${tutordesk.sessions.promote-initial-delay:PT30S}",
            fixedDelayString = "${tutordesk.sessions.promote-every:PT1M}")
    @Transactional
    public void completeEndedSessions() {
        int updated = sessions.completeEndedSessions(clock.instant());
        if (updated > 0) {
            log.info("Marked {} ended scheduled session(s) as completed", updated);
        }
    }
}
