package com.tutordesk.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import java.time.Clock;
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
 * Task names and instance ids are at most 100 characters.
 *
 * <p>Start and stop: the scheduler starts once the application is ready (after start-up runners such
 * as the demo loader) and stops first on shutdown, waiting up to a minute for running jobs; a job
 * that works through many items should stop between two of them once
 * {@code context.getSchedulerState().isShuttingDown()}.
 */
@Service
public class BackgroundJobs implements ApplicationListener<ApplicationReadyEvent>, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

    private final Scheduler scheduler;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    BackgroundJobs(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
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
