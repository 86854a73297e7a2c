package com.tutordesk.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Beans every integration test shares: the movable clock and the sign-in helper. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    static StatementCounter statementCounter() {
        return new StatementCounter();
    }

    @Bean
    TestData testData(org.springframework.jdbc.core.JdbcTemplate jdbc,
            org.springframework.security.crypto.password.PasswordEncoder passwordEncoder) {
        return new TestData(jdbc, passwordEncoder);
    }

    @Bean
    SignIn signIn(org.springframework.security.core.userdetails.UserDetailsService userDetails) {
        return new SignIn(userDetails);
    }
}
