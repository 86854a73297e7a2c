package com.tutordesk.testing;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns card payments on in the shared Spring context of the integration tests, pointed at the
 * test JVM's {@link FakeStripe} (a local WireMock answering like Stripe's API).
 */
public class FakeStripeInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fake-stripe", Map.of(
                "tutordesk.stripe.secret-key", FakeStripe.SECRET_KEY,
                "tutordesk.stripe.webhook-secret", FakeStripe.WEBHOOK_SECRET,
                "tutordesk.stripe.api-base", FakeStripe.start(),
                "tutordesk.stripe.public-url", "https://tutordesk.test",
                "tutordesk.stripe.read-timeout", FakeStripe.READ_TIMEOUT_MS + "ms",
                "tutordesk.stripe.connect-timeout", "2s")));
    }
}
