package com.tutordesk.payment;

import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Card-payment settings and the background job that settles what is open: stored webhook events,
 * charges without an answer (sent again with their key), Pay now pages past their expiry, and
 * refunds without an answer. It runs every minute on one node, and at once after a webhook arrives.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeProperties.class)
class PaymentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PaymentConfiguration.class);

    static final String SETTLE_TASK = "card-payments-settle";
    static final TaskInstanceId SETTLE_INSTANCE = TaskInstanceId.of(SETTLE_TASK, RecurringTask.INSTANCE);

    @Bean
    RecurringTask<Void> cardPaymentsSettleTask(@Lazy StripeWebhooks webhooks,
            @Lazy UnsettledAttempts unsettled, @Lazy CardRefunds refunds) {
        // @Lazy: the scheduler is built from the Task beans, and these services need the scheduler.
        return Tasks.recurring(SETTLE_TASK, FixedDelay.ofMinutes(1)).execute((instance, context) -> {
            webhooks.processPending();
            unsettled.settleUnsettled();
            refunds.resendUnansweredRefunds();
        });
    }

    @Bean
    StripeStartupReport stripeStartupReport(StripeProperties properties) {
        if (properties.configured()) {
            log.info("Card payments: on ({})", properties);
        } else if (properties.secretKey() != null || properties.webhookSecret() != null) {
            log.warn("Card payments: off, {} is missing ({})", properties.secretKey() == null ? "STRIPE_SECRET_KEY"
                    : "STRIPE_WEBHOOK_SECRET", properties);
        } else {
            log.info("Card payments: off (set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET to turn them on)");
        }
        return new StripeStartupReport(properties.configured());
    }

    /** Marker bean: the start-up log line above is written once. */
    record StripeStartupReport(boolean configured) {
    }
}
