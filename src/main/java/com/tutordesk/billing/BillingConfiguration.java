package com.tutordesk.billing;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Billing settings and the scheduled-send job (one db-scheduler instance per scheduled invoice). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillingProperties.class)
class BillingConfiguration {

    /** Task name; the instance id is the invoice id. */
    static final String SCHEDULED_SEND_TASK = "invoice-scheduled-send";

    @Bean
    OneTimeTask<Void> invoiceScheduledSendTask(@Lazy InvoiceIssuingService invoices) {
        // @Lazy: the scheduler is built from the Task beans, and the invoice service needs the scheduler.
        return Tasks.oneTime(SCHEDULED_SEND_TASK)
                .execute((instance, context) -> invoices.sendScheduled(Long.parseLong(instance.getId())));
    }
}
