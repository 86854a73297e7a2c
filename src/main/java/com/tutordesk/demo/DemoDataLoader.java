package com.tutordesk.demo;

import com.tutordesk.security.FirstStartData;
import com.tutordesk.security.LoginPageHints;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the demo business at start-up when {@code tutordesk.demo.enabled} and the database is empty,
 * under the first-start lock ({@link FirstStartData}: two nodes starting together load it once), and
 * says in the log what it loaded or why it loaded nothing. Prints the demo logins, one per line: with
 * their public passwords in the embedded default run (and shows them on the login page), or with the
 * random passwords they got, once, when the demo business was loaded anywhere else.
 */
@Component
@ConditionalOnProperty(name = "tutordesk.demo.enabled", havingValue = "true")
@Order(0)
class DemoDataLoader implements FirstStartData, LoginPageHints {

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
    public void loadIntoEmptyDatabase() {
        String present = generator.whatIsThere();
        if (!present.isEmpty()) {
            log.info("Demo business not loaded: the database is not empty ({}); it loads only into an empty one",
                    present);
            logins = properties.publicPasswords() ? existingDemoLogins() : List.of();
            printLogins("Demo login");
            return;
        }
        log.info("Empty database: loading the demo business ({} sessions, seed {})", properties.sessions(),
                properties.seed());
        DemoBusinessGenerator.Result result = generator.generate(properties);
        log.info("Demo business loaded in {} ms: {} tutors, {} clients, {} students, {} engagements, {} sessions",
                result.took().toMillis(), result.tutors(), result.clients(), result.students(),
                result.engagements(), result.sessions());
        logins = result.logins();
        if (properties.publicPasswords()) {
            printLogins("Demo login");
        } else {
            log.warn("Demo logins have random passwords, printed here once; each must be changed at its first"
                    + " sign-in:");
            printLogins("Demo login (random password, change it at first sign-in)");
            logins = List.of();
        }
    }

    private void printLogins(String label) {
        for (DemoLogin login : logins) {
            log.info("{}: {} | {} | {}", label, login.role(), login.email(), login.password());
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
