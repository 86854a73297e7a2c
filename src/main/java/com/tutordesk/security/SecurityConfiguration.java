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
