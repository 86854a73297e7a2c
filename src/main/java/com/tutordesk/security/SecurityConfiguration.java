package com.tutordesk.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Spring Security for the Vaadin app: form login at {@code /login}, every view denied unless it
 * carries an access annotation ({@code @PermitAll}, {@code @RolesAllowed}, {@code @AnonymousAllowed}).
 *
 * <p>Hardening (issue 12): the sign-in form needs a CSRF token like every other form post (Vaadin's
 * configurer exempts its login page; the login form sends the token the page carries); one
 * authentication manager with the throttling provider and no parent, so a wrong password is counted
 * once; security headers on every response, written before Vaadin writes its page (a forwarded
 * Vaadin response is finished by the container, which would skip headers written at commit);
 * redirects relative to the request, never built from its Host header; and {@link SessionGuardFilter}
 * for idle sessions and sessions of a changed login.
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

    /**
     * The only authentication manager: deliberately not an {@code AuthenticationProvider} bean, which
     * Spring Security would also put into a global parent manager that re-runs a failed sign-in (and
     * counted every wrong password twice).
     */
    @Bean
    AuthenticationManager authenticationManager(AccountUserDetailsService userDetails, PasswordEncoder passwordEncoder,
            LoginThrottleService throttle, AddressThrottle addresses, UserAccountRepository logins,
            UserAccountService accounts) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(userDetails);
        dao.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new ThrottlingAuthenticationProvider(dao, throttle, addresses, logins, accounts));
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
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
            RequestUtil vaadinRequests, ContentSecurityPolicy contentSecurityPolicy, CurrentUserService currentUsers,
            LoginThrottleService throttle, Clock clock, SecurityContextHolderStrategy securityContexts,
            @Value("${tutordesk.security.idle-timeout:8h}") Duration idleTimeout) throws Exception {
        String loginPath = "/" + LOGIN_ROUTE;
        http.authenticationManager(authenticationManager);
        // The container's error dispatch keeps the status the app chose: Vaadin answers a heartbeat
        // of an ended session with 403, which makes the tab reload onto the sign-in page; a secured
        // /error would turn it into a redirect that the heartbeat follows and takes for "alive".
        http.authorizeHttpRequests(authorize -> authorize.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll());
        // Unknown addresses go to Vaadin for a signed-in person, which answers with the app's own
        // "Not found" page instead of a bare HTTP 403; views stay denied unless annotated.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(loginPath, loginPath)
                .enableCsrfConfiguration(false) // it exempts the sign-in form; signInForm() does not
                .anyRequest(any -> any.authenticated()));
        signInForm(http, vaadinRequests, loginPath);
        securityHeaders(http, contentSecurityPolicy);
        http.addFilterAfter(new SessionGuardFilter(currentUsers, throttle, clock, idleTimeout,
                vaadinRequests::isFrameworkInternalRequest, loginPath, securityContexts),
                SecurityContextHolderFilter.class);
        SecurityFilterChain chain = http.build();
        http.getSharedObject(VaadinSavedRequestAwareAuthenticationSuccessHandler.class)
                .setRedirectStrategy(new PathOnlyRedirects());
        return chain;
    }

    /**
     * The sign-in form: Spring's CSRF token required (Vaadin's own requests carry Vaadin's token), a
     * post without a valid one sent back to the form with {@code ?expired}; the client address and
     * known-browser cookie passed to the throttling; redirects to the form relative, never to the
     * request's host.
     */
    private static void signInForm(HttpSecurity http, RequestUtil vaadinRequests, String loginPath) throws Exception {
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.formLogin(form -> form.authenticationDetailsSource(SignInDetails::new));
        LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint(loginPath);
        toLogin.setFavorRelativeUris(true);
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(toLogin)
                .defaultAccessDeniedHandlerFor((request, response, denied) -> {
                    if (denied instanceof CsrfException) {
                        // A sign-in page older than its session (or a form posted from another site).
                        response.sendRedirect(loginPath + "?expired");
                    } else {
                        response.sendError(HttpServletResponse.SC_FORBIDDEN);
                    }
                }, PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, loginPath)));
    }

    /**
     * Security headers on every response, written before the request goes on: a Vaadin page is
     * forwarded to Vaadin's servlet, and the container finishes a forwarded response without the
     * commit hook through which Spring Security would write them later.
     */
    private static void securityHeaders(HttpSecurity http, ContentSecurityPolicy contentSecurityPolicy)
            throws Exception {
        http.headers(headers -> headers
                .addHeaderWriter(contentSecurityPolicy)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(Duration.ofDays(365).toSeconds())
                        .includeSubDomains(false))
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
    }

    /**
     * After sign-in, back to the page asked for before, by its path only: the saved URL is built from
     * the request's scheme and Host header, which the app does not trust.
     */
    static final class PathOnlyRedirects extends VaadinSavedRequestAwareAuthenticationSuccessHandler.RedirectStrategy {

        @Override
        public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url)
                throws IOException {
            super.sendRedirect(request, response, pathOf(url));
        }

        static String pathOf(String url) {
            try {
                URI uri = new URI(url);
                if (!uri.isAbsolute() && uri.getRawAuthority() == null) {
                    return url;
                }
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            } catch (URISyntaxException e) {
                return "/";
            }
        }
    }
}
