package com.tutordesk.shared;

import java.util.concurrent.Executor;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * Where module event listeners run. A listener ({@code @ApplicationModuleListener}) runs after the
 * publishing transaction has committed, and the event publication registry keeps the event until it
 * returns (an event whose listener did not finish is handed over again on restart). It runs <em>in
 * the publishing thread</em>: Spring Modulith turns on {@code @Async}, and this executor runs each
 * such call at once on the caller's thread instead of on a thread pool.
 *
 * <p>Why: the person who issues an invoice learns at once what followed — "email queued for …", or
 * Confirm &amp; Charge's "Paid: … charged" — and a billing run reports each client's outcome as it
 * goes; neither would be true if the charge or email happened later on another thread. A listener's
 * failure still never reaches the publisher (it is logged, and the publication stays incomplete).
 * The application has no other {@code @Async} work.
 */
@Configuration(proxyBeanMethods = false)
class ModuleEventsConfiguration implements AsyncConfigurer {

    @Override
    public Executor getAsyncExecutor() {
        return new SyncTaskExecutor();
    }
}
