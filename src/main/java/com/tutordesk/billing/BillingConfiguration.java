package com.tutordesk.billing;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Billing settings, the scheduled-send job (one db-scheduler instance per scheduled invoice) and the billing-run job. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillingProperties.class)
class BillingConfiguration {

    /** Task name; the instance id is the invoice id. */
    static final String SCHEDULED_SEND_TASK = "invoice-scheduled-send";

    /** Task name of a billing run's job; the instance id is the run id. */
    static final String BILLING_RUN_TASK = "billing-run";

    @Bean
    OneTimeTask<Void> billingRunTask(@Lazy BillingRunJob job) {
        // Stopping between clients throws, so the execution fails and db-scheduler runs it again later
        // for the clients left (the default for a one-time task: retry in 5 minutes, on any node).
        return Tasks.oneTime(BILLING_RUN_TASK)
                .execute((instance, context) -> job.run(Long.parseLong(instance.getId()),
                        () -> context.getSchedulerState().isShuttingDown()));
    }

    /** Task name of the overdue-reminder job (its one instance is db-scheduler's "recurring"). */
    static final String OVERDUE_REMINDER_TASK = "invoice-overdue-reminders";

    /**
     * The overdue-reminder pass. Integration tests switch the job off
     * ({@code tutordesk.billing.overdue-reminders.job-enabled=false}): it would remind the demo business's
     * overdue invoices whenever another test runs due jobs; they call {@link OverdueReminders#sendDue} themselves.
     */
    @Bean
    @ConditionalOnProperty(name = "tutordesk.billing.overdue-reminders.job-enabled", havingValue = "true",
            matchIfMissing = true)
    RecurringTask<Void> overdueRemindersTask(@Lazy OverdueReminders reminders,
            @Value("${tutordesk.billing.overdue-reminders.every:PT15M}") Duration every) {
        return Tasks.recurring(OVERDUE_REMINDER_TASK, FixedDelay.of(every))
                .execute((instance, context) -> reminders.sendDue(() -> context.getSchedulerState().isShuttingDown()));
    }

    @Bean
    OneTimeTask<Void> invoiceScheduledSendTask(@Lazy InvoiceIssuingService invoices) {
        // @Lazy: the scheduler is built from the Task beans, and the invoice service needs the scheduler.
        return Tasks.oneTime(SCHEDULED_SEND_TASK)
                .execute((instance, context) -> invoices.sendScheduled(Long.parseLong(instance.getId())));
    }
}
