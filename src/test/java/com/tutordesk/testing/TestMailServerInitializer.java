package com.tutordesk.testing;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the shared Spring context of the integration tests at the test JVM's GreenMail server. */
public class TestMailServerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int port = TestMailServer.start();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("greenmail", Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(port),
                // A stopped server refuses at once; keep a hung one from stalling a test for long.
                "spring.mail.properties.mail.smtp.connectiontimeout", "2000",
                "spring.mail.properties.mail.smtp.timeout", "5000",
                "spring.mail.properties.mail.smtp.writetimeout", "5000")));
    }
}
