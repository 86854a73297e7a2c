package com.tutordesk.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * The background-job scheduler as the rest of the application sees it.
 *
 * <p>How a module adds a job: declare a db-scheduler {@link com.github.kagkarlsson.scheduler.task.Task}
 * bean. A recurring one ({@code Tasks.recurring("name", FixedDelay.ofSeconds(5)).execute(...)})
 * is scheduled on start-up and runs on one node at a time. A one-time one
 * ({@code Tasks.oneTime("name", Long.class).execute(...)}) is scheduled with
 * {@code schedulerClient.scheduleIfNotExists(task.instance(id), when)} — inject
 * {@link SchedulerClient}; called inside a {@code @Transactional} method it joins that transaction.
 * Task names and instance ids are at most 100 characters. Never use Spring's {@code @Scheduled}: it
 * runs on every node at once and knows nothing of the others.
 *
 * <p>How a job is made cluster-safe (several nodes on one database, any of them killed at any moment):
 * <ol>
 * <li><b>One execution at a time is all db-scheduler promises.</b> A node picks an execution with a
 * conditional UPDATE and sends a heartbeat for it every {@code tutordesk.scheduling.heartbeat-interval}
 * (2 s). If the node dies, another node takes the execution for dead after
 * {@code missed-heartbeats-limit} (5) missed heartbeats and runs it again: within
 * {@link #takeOverWithin()} (19 s with the defaults) of the kill. So every job must be safe to run
 * <em>again</em> after a partial run.</li>
 * <li><b>Make each step idempotent or claim it.</b> Either one idempotent statement (the
 * scheduled→completed promotion is one UPDATE … WHERE status = 'SCHEDULED'), or a claim per item
 * with a conditional UPDATE whose row count says who won (the mail outbox:
 * PENDING → SENDING WHERE state is due), settled by the claimant only.</li>
 * <li><b>Claims that outlive their node must expire as fast as executions do.</b> A claim carries
 * the node's name ({@link com.tutordesk.shared.NodeIdentity}) and a time refreshed while the work
 * runs; a claim not refreshed for {@link #deadAfter()} belongs to a dead node and is released (the
 * outbox's {@code tutordesk.mail.claim-timeout} is 10 s = 2 s × 5). A longer timeout would hold
 * the item back long after its job has been taken over.</li>
 * <li><b>Call outside systems outside database transactions</b>, with an idempotency key where they
 * take one (Stripe), and say in the item's state what is in flight.</li>
 * <li><b>Stop between items on shutdown</b> ({@code context.getSchedulerState().isShuttingDown()}),
 * so that a graceful stop leaves nothing claimed.</li>
 * <li><b>Test it on two nodes</b>: {@code TwoNodesJarIT} runs two packaged jars on one MariaDB and
 * kills one.</li>
 * </ol>
 *
 * <p>Start and stop: the scheduler starts once the application is ready (after start-up runners such
 * as the demo loader) and stops first on shutdown, waiting up to a minute for running jobs.
 */
@Service
public class BackgroundJobs implements ApplicationListener<ApplicationReadyEvent>, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

    /**
     * How far behind the background jobs are, as {@link #lag()} reads it from the shared table.
     *
     * @param overdue     how long the most overdue execution that no node has picked has been due
     *                    (zero when none is due); a few seconds is normal (the polling interval)
     * @param oldestDueJob the task of that execution, {@code null} when none is due
     */
    public record JobLag(Duration overdue, String oldestDueJob) {
    }

    private final Scheduler scheduler;
    private final Clock clock;
    private final SchedulingProperties properties;
    private final AtomicBoolean running = new AtomicBoolean();

    BackgroundJobs(Scheduler scheduler, Clock clock, SchedulingProperties properties) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.properties = properties;
    }

    /** @return how long a running job may go without a heartbeat before another node takes it for dead */
    public Duration deadAfter() {
        return properties.deadAfter();
    }

    /** @return the longest time from a node's death until another node runs its jobs again */
    public Duration takeOverWithin() {
        return properties.takeOverWithin();
    }

    /**
     * @return whether this node's scheduler runs: started and not stopping or paused; with scheduling
     *         disabled (jobs run on demand) whether it has been set up
     */
    public boolean alive() {
        if (!runsByItself()) {
            return running.get();
        }
        var state = scheduler.getSchedulerState();
        return running.get() && state.isStarted() && !state.isShuttingDown() && !state.isPaused();
    }

    /**
     * Reads the most overdue execution no node has picked (one indexed query over the shared
     * {@code scheduled_tasks} table): the job lag of the whole cluster, not only this node.
     */
    public JobLag lag() {
        Instant now = clock.instant();
        List<ScheduledExecution<Object>> earliest = scheduler.getScheduledExecutions(
                ScheduledExecutionsFilter.all().withPicked(false).limit(1));
        if (earliest.isEmpty() || earliest.getFirst().getExecutionTime().isAfter(now)) {
            return new JobLag(Duration.ZERO, null);
        }
        ScheduledExecution<Object> due = earliest.getFirst();
        return new JobLag(Duration.between(due.getExecutionTime(), now), due.getTaskInstance().getTaskName());
    }

    /** @return the client to schedule, reschedule or cancel task instances */
    public SchedulerClient client() {
        return scheduler;
    }

    /** @return whether scheduler threads run jobs by themselves (false when scheduling is disabled) */
    public boolean runsByItself() {
        return !(scheduler instanceof ManualScheduler);
    }

    /**
     * Runs every execution that is due at the application clock's "now", on the calling thread, and
     * returns when they are done. Only with {@code tutordesk.scheduling.enabled=false} (integration
     * tests move {@code TestClock} and then call this); recurring jobs are due by their schedule.
     *
     * @throws IllegalStateException when scheduler threads run (they pick due jobs themselves)
     */
    public void runDueNow() {
        if (!(scheduler instanceof ManualScheduler manual)) {
            throw new IllegalStateException("Background jobs run by themselves; runDueNow is for tutordesk.scheduling.enabled=false");
        }
        manual.runAnyDueExecutions();
    }

    /**
     * Asks for a job instance (typically a recurring job) to run as soon as possible instead of at its
     * next scheduled time, e.g. to deliver a just-committed email without waiting for the next pass.
     * Best effort and never blocking: runs on another thread (outside the caller's transaction), does
     * nothing when scheduling is disabled, and is ignored when the job is running at that moment.
     */
    public void runSoon(TaskInstanceId instance) {
        if (!runsByItself() || !running.get()) {
            return;
        }
        Thread.ofVirtual().name("run-soon-" + instance.getTaskName()).start(() -> {
            try {
                scheduler.reschedule(instance, clock.instant());
            } catch (RuntimeException e) {
                log.debug("Could not bring {} forward (it may be running right now): {}", instance, e.toString());
            }
        });
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (running.compareAndSet(false, true)) {
            // The manual scheduler's start only schedules the recurring jobs; it starts no thread.
            scheduler.start();
            log.info("Background jobs {}", runsByItself() ? "started" : "scheduled (run on demand only)");
        }
    }

    @Override
    public boolean isAutoStartup() {
        // Started on ApplicationReadyEvent instead, after start-up runners.
        return false;
    }

    @Override
    public void start() {
        // See onApplicationEvent.
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false) && runsByItself()) {
            scheduler.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
