package com.tutordesk.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import com.tutordesk.shared.NodeIdentity;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Builds the one db-scheduler {@link Scheduler} of the application from every {@link Task} bean
 * (the way other modules register jobs) and the application's {@link Clock}.
 *
 * <p>The data source is wrapped in a {@link TransactionAwareDataSourceProxy} so that scheduling a
 * one-time task inside a Spring transaction joins it (the task exists iff the business change
 * commits), as the official Spring Boot starter does. On MySQL/MariaDB timestamps are written in
 * UTC ({@code alwaysPersistTimestampInUTC}): their DATETIME columns carry no zone. The scheduler's
 * name is the {@link NodeIdentity} name, and its heartbeat settings come from
 * {@link SchedulingProperties} (take-over of a dead node's jobs in seconds, not db-scheduler's
 * default half hour).
 *
 * <p>With {@code tutordesk.scheduling.enabled=false} the bean is db-scheduler's manual scheduler:
 * the same tasks and table, but no threads; due executions run only through
 * {@link BackgroundJobs#runDueNow()}, on the caller's thread.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulingProperties.class)
class DbSchedulerConfiguration {

    @Bean
    Scheduler dbScheduler(DataSource dataSource, ObjectProvider<Task<?>> taskBeans, Clock clock,
            SchedulingProperties properties, NodeIdentity node) {
        List<Task<?>> tasks = taskBeans.orderedStream().toList();
        // startTasks(...) registers the recurring tasks too; listing them twice is refused.
        List<Task<?>> others = tasks.stream().filter(task -> !(task instanceof OnStartup)).toList();
        DataSource transactionAware = new TransactionAwareDataSourceProxy(dataSource);
        boolean utc = storesTimestampsWithoutZone(dataSource);
        if (!properties.enabled()) {
            var builder = TestHelper.createManualScheduler(transactionAware, others)
                    .clock(new ApplicationClock(clock))
                    .startTasks(startTasks(tasks));
            builder.commitWhenAutocommitDisabled(false);
            if (utc) {
                builder.alwaysPersistTimestampInUTC();
            }
            return builder.build();
        }
        SchedulerBuilder builder = Scheduler.create(transactionAware, others)
                .startTasks(startTasks(tasks))
                .clock(clock::instant)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                // picked_by names the node exactly (two nodes on one host differ by port or name).
                .schedulerName(new SchedulerName.Fixed(node.name()))
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeatsLimit())
                .enableImmediateExecution()
                // Jobs check SchedulerState.isShuttingDown() between steps; do not hold shutdown for long.
                .shutdownMaxWait(Duration.ofMinutes(1))
                .commitWhenAutocommitDisabled(false);
        if (utc) {
            builder.alwaysPersistTimestampInUTC();
        }
        return builder.build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List startTasks(List<Task<?>> tasks) {
        return tasks.stream().filter(OnStartup.class::isInstance).map(t -> (Task & OnStartup) t).toList();
    }

    /** MySQL and MariaDB (Connector/J reports both as "MySQL") store DATETIME without a zone. */
    private static boolean storesTimestampsWithoutZone(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
            return name.contains("mysql") || name.contains("mariadb");
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Could not tell which database the scheduler runs on", e);
        }
    }

    /**
     * The manual scheduler insists on its own settable clock type; this one reads the application's
     * clock instead, so tests move both with {@code TestClock}.
     */
    static final class ApplicationClock extends SettableClock {

        private final Clock clock;

        ApplicationClock(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Instant now() {
            return clock.instant();
        }
    }
}
