package com.tutordesk.demo;

import com.tutordesk.security.LoginPageHints;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the demo business at start-up when {@code tutordesk.demo.enabled} and the database is
 * empty; prints the demo logins, one per line, when {@code tutordesk.demo.show-logins}.
 */
@Component
@ConditionalOnProperty(name = "tutordesk.demo.enabled", havingValue = "true")
@org.springframework.core.annotation.Order(0)
class DemoDataLoader implements ApplicationRunner, LoginPageHints {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoBusinessGenerator generator;
    private final DemoProperties properties;
    private final JdbcTemplate jdbc;
    private volatile List<DemoLogin> logins = List.of();

    DemoDataLoader(DemoBusinessGenerator generator, DemoProperties properties, JdbcTemplate jdbc) {
        this.generator = generator;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (generator.databaseIsEmpty()) {
            log.info("Empty database: loading the demo business ({} sessions, seed {})", properties.sessions(),
                    properties.seed());
            DemoBusinessGenerator.Result result = generator.generate(properties);
            log.info("Demo business loaded in {} ms: {} tutors, {} clients, {} students, {} engagements, {} sessions",
                    result.took().toMillis(), result.tutors(), result.clients(), result.students(),
                    result.engagements(), result.sessions());
            logins = result.logins();
        } else {
            logins = existingDemoLogins();
        }
        if (properties.showLogins()) {
            for (DemoLogin login : logins) {
                log.info("Demo login: {} | {} | {}", login.role(), login.email(), login.password());
            }
        }
    }

    @Override
    public List<DemoLogin> demoLogins() {
        return properties.showLogins() ? logins : List.of();
    }

    /** The demo logins of a database loaded by an earlier start (the tutors are the two first tutors). */
    private List<DemoLogin> existingDemoLogins() {
        List<String> tutorEmails = jdbc.queryForList("select u.email from users u where u.role = 'TUTOR'"
                + " and u.tutor_id in (select min(id) from tutors union select min(id) + 1 from tutors) order by u.tutor_id",
                String.class);
        Integer admins = jdbc.queryForObject("select count(*) from users where email = ?", Integer.class,
                DemoLogins.ADMIN.email());
        if (tutorEmails.size() != 2 || admins == null || admins != 1) {
            return List.of();
        }
        return DemoLogins.of(tutorEmails.get(0), tutorEmails.get(1));
    }
}
