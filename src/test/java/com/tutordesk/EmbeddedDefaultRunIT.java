package com.tutordesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.security.LoginPageHints;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The default profile as `./mvnw spring-boot:run` starts it, on an in-memory H2 instead of the
 * ./data file: migrations apply on H2, Hibernate validates the schema, the demo business loads and
 * the demo logins are offered to the login page.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:embedded-run;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "tutordesk.scheduling.enabled=false"})
class EmbeddedDefaultRunIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    List<LoginPageHints> hints;

    @Test
    void every_migration_applies_on_h2_and_the_schema_validates() {
        assertThat(jdbc.queryForObject("select count(*) from \"flyway_schema_history\" where not \"success\"",
                Integer.class)).isZero();
        assertThat(jdbc.queryForList("select \"version\" from \"flyway_schema_history\" order by \"installed_rank\"",
                String.class)).contains("1", "2");
    }

    @Test
    void the_demo_business_is_loaded_and_its_logins_are_shown() {
        assertThat(jdbc.queryForObject("select count(*) from tutoring_sessions", Integer.class)).isBetween(2_700, 3_300);
        assertThat(hints).hasSize(1);
        assertThat(hints.getFirst().demoLogins()).extracting(LoginPageHints.DemoLogin::role)
                .containsExactly("Admin", "Tutor with Enhanced Access", "Tutor");
    }
}
