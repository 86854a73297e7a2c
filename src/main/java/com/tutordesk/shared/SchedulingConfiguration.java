package com.tutordesk.shared;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background jobs run unless {@code tutordesk.scheduling.enabled=false} (integration tests switch
 * them off and call the jobs themselves, at a clock they control).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "tutordesk.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
