package com.tutordesk.shared;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/** Spring's cache abstraction on Caffeine (configured in application.properties). */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CachingConfiguration {
}
