package com.tutordesk.billing;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.tutordesk.scheduling.BackgroundJobs;
import com.tutordesk.settings.SettingsService;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The db-scheduler one-time job of a scheduled invoice ({@value BillingConfiguration#SCHEDULED_SEND_TASK},
 * instance id = invoice id): made and dropped inside the caller's transaction, so the job exists iff
 * the scheduled draft does. The job itself is {@link InvoiceIssuingService#sendScheduled}.
 */
@Component
class ScheduledSends {

    private final BackgroundJobs jobs;
    private final SettingsService settings;
    private final BillingProperties properties;

    ScheduledSends(BackgroundJobs jobs, SettingsService settings, BillingProperties properties) {
        this.jobs = jobs;
        this.settings = settings;
        this.properties = properties;
    }

    /** Marks the draft scheduled and makes its job at the send hour of {@code sendOn}, business-local. */
    void schedule(Invoice invoice, LocalDate sendOn, Instant now) {
        invoice.scheduleSend(sendOn, now);
        Instant when = InvoiceDates.sendInstant(sendOn, properties.sendHour(), settings.profile().zone());
        jobs.client().scheduleIfNotExists(new TaskInstance<Void>(BillingConfiguration.SCHEDULED_SEND_TASK,
                String.valueOf(invoice.getId())), when);
    }

    /** Drops the invoice's scheduled send, if it has one. */
    void cancel(long invoiceId) {
        TaskInstanceId instance = TaskInstanceId.of(BillingConfiguration.SCHEDULED_SEND_TASK, String.valueOf(invoiceId));
        if (jobs.client().getScheduledExecution(instance).isPresent()) {
            jobs.client().cancel(instance);
        }
    }
}
