package com.tutordesk.mail;

import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the delivery pass as a recurring db-scheduler job (one node at a time). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxConfiguration {

    static final String DELIVERY_TASK = "mail-outbox-delivery";
    static final TaskInstanceId DELIVERY_INSTANCE = TaskInstanceId.of(DELIVERY_TASK, RecurringTask.INSTANCE);

    @Bean
    RecurringTask<Void> mailOutboxDeliveryTask(OutboxDelivery delivery, OutboxProperties properties) {
        return Tasks.recurring(DELIVERY_TASK, FixedDelay.of(properties.deliverEvery()))
                .execute((instance, context) -> delivery.deliverDue(() -> context.getSchedulerState().isShuttingDown()));
    }
}
