package com.tutordesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sign-ins of several logins at the same moment each remember their browser (issue 20: the load
 * test's 20 simultaneous sign-ins on MariaDB got a 500 for up to 11 of them — a deadlock between the
 * clean-up of old browsers and the insert of the new one, both in one transaction).
 */
@IntegrationTest
class KnownBrowserConcurrencyIT {

    static final int LOGINS = 8;
    static final int ROUNDS = 3;

    @Autowired
    LoginThrottleService throttle;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void logins_signing_in_at_the_same_moment_all_get_their_browser_remembered() throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(LOGINS)) {
            for (int round = 0; round < ROUNDS; round++) {
                // New logins each round: none has a browser yet, as after an import or on a first morning.
                List<Long> users = new ArrayList<>();
                for (int i = 0; i < LOGINS; i++) {
                    String email = data.tutorLogin(data.tutor("Concurrent Tutor " + round + "-" + i), "pw-not-used");
                    users.add(jdbc.queryForObject("select id from users where email = ?", Long.class, email));
                }
                CyclicBarrier together = new CyclicBarrier(LOGINS);
                List<Future<String>> tokens = new ArrayList<>();
                for (long user : users) {
                    tokens.add(threads.submit(() -> {
                        together.await();
                        return throttle.rememberBrowser(user, null);
                    }));
                }
                for (Future<String> token : tokens) {
                    assertThat(token.get()).isNotBlank();
                }
                for (long user : users) {
                    assertThat(jdbc.queryForObject("select count(*) from known_browsers where user_id = ?",
                            Integer.class, user)).isEqualTo(1);
                }
            }
        }
    }
}
