package com.tutordesk.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security for the Vaadin app: form login at {@code /login}, every view denied unless it
 * carries an access annotation ({@code @PermitAll}, {@code @RolesAllowed}, {@code @AnonymousAllowed}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /** Route of the login view (in the shell module; named here by path to keep modules acyclic). */
    static final String LOGIN_ROUTE = "login";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationProvider throttlingAuthenticationProvider(AccountUserDetailsService userDetails,
            PasswordEncoder passwordEncoder, LoginThrottleService throttle, UserAccountService accounts) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(userDetails);
        dao.setPasswordEncoder(passwordEncoder);
        return new ThrottlingAuthenticationProvider(dao, throttle, accounts);
    }

    // ---- Calendar feeds (issue 14): the one login-free route of the schedule module ----

    /** Private calendar feeds ({@code GET /calendar/{token}.ics}); named here by path to keep modules acyclic. */
    static final String CALENDAR_FEEDS = "/calendar/*.ics";

    /**
     * Calendar apps fetch a private feed without a login: the secret token in the address is the key
     * (the schedule module answers "not found" for any other). GET only, no session, no cookies; every
     * other request still goes through the app's login below.
     */
    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain calendarFeeds(HttpSecurity http) throws Exception {
        http.securityMatcher(org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher
                        .withDefaults().matcher(org.springframework.http.HttpMethod.GET, CALENDAR_FEEDS))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable());
        return http.build();
    }

    // ---- the app ----

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationProvider provider) throws Exception {
        http.authenticationProvider(provider);
        // Unknown addresses go to Vaadin for a signed-in person, which answers with the app's own
        // "Not found" page instead of a bare HTTP 403; views stay denied unless annotated.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("/" + LOGIN_ROUTE, "/" + LOGIN_ROUTE)
                .anyRequest(any -> any.authenticated()));
        return http.build();
    }
}
