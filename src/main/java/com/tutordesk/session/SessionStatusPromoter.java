package com.tutordesk.session;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks scheduled sessions whose end has passed as completed (domain.md: "A scheduled session
 * becomes completed once its end has passed, no manual step needed"). Runs as the db-scheduler
 * recurring job {@value #TASK} every {@code tutordesk.sessions.promote-every} (1 min) on one node at
 * a time. It completes the sessions in batches of {@value #BATCH}, each batch one transaction that locks
 * its rows and keeps {@link SessionHourTotals} in step, so a run repeated after a node died mid-way
 * changes nothing twice. Reads stay right in between through {@link SessionStatus#asOf}.
 */
@Component
class SessionStatusPromoter {

    /** The job's name in {@code scheduled_tasks}. */
    static final String TASK = "session-status-promotion";

    private static final Logger log = LoggerFactory.getLogger(SessionStatusPromoter.class);

    /** Sessions completed per transaction (a backlog after downtime takes several). */
    static final int BATCH = 500;

    private final SessionRepository sessions;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ObjectProvider<PackageMinutes> packageMinutes;
    private final SessionPackages packages;

    SessionStatusPromoter(SessionRepository sessions, Clock clock, PlatformTransactionManager transactions,
            ObjectProvider<PackageMinutes> packageMinutes, SessionPackages packages) {
        this.sessions = sessions;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
        this.packageMinutes = packageMinutes;
        this.packages = packages;
    }

    /**
     * Completes every ended scheduled session, oldest end first; those of engagements with paid package
     * hours left use them (issue 17), oldest package first, in the same transaction as their completion.
     *
     * @return how many sessions became completed
     */
    public int completeEndedSessions() {
        Instant now = clock.instant();
        PackageMinutes minutes = packageMinutes.getIfAvailable();
        Set<Long> withHours = minutes == null ? Set.of() : minutes.engagementsWithMinutesLeft();
        int updated = 0;
        int batch;
        do {
            batch = transactions.execute(status -> {
                List<TutoringSession> ended = sessions.findEndedScheduled(now, PageRequest.of(0, BATCH));
                for (TutoringSession session : ended) {
                    session.completeAfterEnd(now);
                    if (withHours.contains(session.getEngagement().getId())) {
                        packages.changed(session, false);
                    }
                }
                return ended.size();
            });
            updated += batch;
        } while (batch == BATCH);
        if (updated > 0) {
            log.info("Marked {} ended scheduled session(s) as completed", updated);
        }
        return updated;
    }

    /**
     * The recurring job. Integration tests switch it off ({@code tutordesk.sessions.promotion.enabled=false}):
     * they move the test clock forward and back, and a promotion at a later clock would leave
     * sessions completed that are in the future again once the clock is reset.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "tutordesk.sessions.promotion.enabled", havingValue = "true", matchIfMissing = true)
    static class Job {

        @Bean
        RecurringTask<Void> sessionStatusPromotionTask(SessionStatusPromoter promoter,
                @Value("${tutordesk.sessions.promote-every:PT1M}") Duration every) {
            return Tasks.recurring(TASK, FixedDelay.of(every))
                    .execute((instance, context) -> promoter.completeEndedSessions());
        }
    }
}
