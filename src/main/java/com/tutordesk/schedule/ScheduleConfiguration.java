package com.tutordesk.schedule;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The reminder job: a recurring db-scheduler task, so one node at a time runs it; after downtime the
 * first pass catches up with what is still ahead (see {@link SessionReminders}).
 */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

    /** Task name (its one instance is db-scheduler's "recurring"). */
    static final String REMINDER_TASK = "session-reminders";

    // @Lazy: the scheduler is built from the Task beans, and the reminders need the outbox, which needs the scheduler.
    @Bean
    RecurringTask<Void> sessionRemindersTask(@Lazy SessionReminders reminders,
            @Value("${tutordesk.reminders.check-every:PT1M}") Duration every) {
        return Tasks.recurring(REMINDER_TASK, FixedDelay.of(every))
                .execute((instance, context) -> reminders.sendDue(() -> context.getSchedulerState().isShuttingDown()));
    }
}
