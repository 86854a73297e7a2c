package com.tutordesk.testing;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * One real SMTP server (GreenMail) per test JVM on a free port, which the shared Spring context of
 * the integration tests sends to ({@code spring.mail.host/port}, see {@link TestMailServerInitializer}).
 * Tests may {@link #stop()} and {@link #start()} it to simulate a mail-server outage; it comes back on
 * the same port.
 */
public final class TestMailServer {

    private static GreenMail greenMail;
    private static int port;

    private TestMailServer() {
    }

    /** Starts the server on first use (and again after {@link #stop()}); returns its port. */
    public static synchronized int start() {
        if (port == 0) {
            port = freePort();
        }
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            greenMail.start();
        }
        return port;
    }

    /** Stops the server: connections are refused until {@link #start()}. */
    public static synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** @return every message received since the server (re)started, in arrival order */
    public static synchronized List<MimeMessage> received() {
        start();
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    /** @return the messages received for one recipient (tests use unique addresses) */
    public static List<MimeMessage> receivedBy(String recipient) {
        return received().stream().filter(message -> recipients(message).contains(recipient)).toList();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all).map(a -> ((jakarta.mail.internet.InternetAddress) a)
                    .getAddress()).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
