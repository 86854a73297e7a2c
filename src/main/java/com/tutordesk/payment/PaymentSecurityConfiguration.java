package com.tutordesk.payment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The only requests that reach the app without a login: Stripe's webhook ({@code POST
 * /stripe/webhook}, also without a CSRF token, authenticated by its signature instead) and the links
 * in clients' emails ({@code GET /pay/…}, which only redirect to Stripe or show a line of text; a link
 * works only with its HMAC). A filter chain of their own, ahead of the app's; every other request
 * still goes through the app's login and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class PaymentSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain stripeWebhookAndPayLinks(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.POST, StripeWebhookController.PATH),
                        paths.matcher(HttpMethod.GET, "/pay/**")))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(paths.matcher(HttpMethod.POST, StripeWebhookController.PATH)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> { });
        return http.build();
    }
}
