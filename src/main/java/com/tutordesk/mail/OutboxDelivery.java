package com.tutordesk.mail;

import com.tutordesk.shared.NodeIdentity;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.domain.Limit;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One delivery pass over the outbox: what the recurring job {@code mail-outbox-delivery} runs every
 * {@code tutordesk.mail.deliver-every}, and what tests call directly to deliver synchronously.
 *
 * <p>Each due message is claimed with a conditional UPDATE (PENDING/RETRYING/HELD → SENDING) in its
 * own short transaction, sent with no transaction open, then settled (SENT, RETRYING with
 * exponential back-off, or FAILED after {@code tutordesk.mail.max-attempts}). A message is never
 * sent by two passes at once. While a message is being sent its claim is refreshed every fifth of
 * {@code tutordesk.mail.claim-timeout} (a slow but live mail server keeps it); a claim that has not
 * been refreshed for the claim timeout (10 s, the scheduler's dead-after) belongs to a node that
 * died mid-send, and the next pass on any node sends that message again. The claimant written in
 * {@code claimed_by} is this node's name ({@link NodeIdentity}). Without a mail server
 * ({@code spring.mail.host} unset) the pass sends nothing and holds every unsent message.
 */
@Component
public class OutboxDelivery {

    /**
     * What one pass did.
     *
     * @param sent     messages the mail server accepted
     * @param retrying messages that failed and will be tried again
     * @param failed   messages given up on
     * @param held     messages held because no mail server is configured
     */
    public record Pass(int sent, int retrying, int failed, int held) {
    }

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    static final String ABANDONED = "Sending was interrupted (the application stopped); trying again";

    private final MailMessageRepository messages;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final OutboxProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    /** Who claims: this node's name, unique among the nodes on the database. */
    private final String claimant;
    /** Refreshes the claims of messages being sent, so that only a dead node's claims grow old. */
    private final ScheduledExecutorService claimHeartbeats;

    OutboxDelivery(MailMessageRepository messages, ObjectProvider<JavaMailSender> mailSender,
            OutboxProperties properties, Clock clock, PlatformTransactionManager transactionManager,
            NodeIdentity node) {
        this.messages = messages;
        this.mailSender = mailSender;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.claimant = node.name();
        this.claimHeartbeats = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("outbox-claim-heartbeat").factory());
    }

    @PreDestroy
    void stopHeartbeats() {
        claimHeartbeats.shutdownNow();
    }

    /** @return whether a mail server is configured ({@code spring.mail.host}) */
    public boolean mailServerConfigured() {
        return mailSender.getIfAvailable() != null;
    }

    /**
     * Delivers every message that is due at the application clock's "now", on the calling thread.
     * Call it outside a transaction (each step commits on its own).
     *
     * @return what the pass did
     */
    public Pass deliverDue() {
        return deliverDue(() -> false);
    }

    /**
     * As {@link #deliverDue()}, but stops between two messages once {@code stopRequested} says so
     * (the application is shutting down), so that no message is left claimed mid-send.
     */
    Pass deliverDue(BooleanSupplier stopRequested) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            int held = transactions.execute(status -> messages.holdUnsent(OutboxMessage.HELD_NO_MAIL_SERVER));
            if (held > 0) {
                log.warn("Holding {} email(s): no mail server configured (set spring.mail.host)", held);
            }
            return new Pass(0, 0, 0, held);
        }
        Instant start = clock.instant();
        transactions.executeWithoutResult(status -> messages.releaseAbandonedClaims(
                start.minus(properties.claimTimeout()), ABANDONED, start));
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        List<Long> due;
        // A message that fails is no longer due (its next attempt lies ahead), so this loop ends.
        do {
            Instant now = clock.instant();
            due = transactions.execute(status -> messages.findDueIds(now, Limit.of(properties.batchSize())));
            for (Long id : due) {
                if (stopRequested.getAsBoolean()) {
                    return new Pass(sent, retrying, failed, 0);
                }
                switch (deliver(sender, id)) {
                    case SENT -> sent++;
                    case RETRYING -> retrying++;
                    case FAILED -> failed++;
                    default -> {
                        // Another pass claimed it first.
                    }
                }
            }
        } while (due.size() == properties.batchSize());
        if (sent + retrying + failed > 0) {
            log.info("Outbox pass: {} sent, {} to retry, {} failed", sent, retrying, failed);
        }
        return new Pass(sent, retrying, failed, 0);
    }

    /**
     * Sends one message now on the calling thread, if it is due and no other pass has it (an admin's
     * "Retry now": the node the admin is on sends it at once, whatever node runs the delivery job and
     * whether or not that node is alive).
     *
     * @return the state the message ended in, or SENDING when another pass owns it, or empty when no
     *         mail server is configured
     */
    java.util.Optional<MailState> deliverNow(long id) {
        JavaMailSender sender = mailSender.getIfAvailable();
        return sender == null ? java.util.Optional.empty() : java.util.Optional.of(deliver(sender, id));
    }

    /** @return the state the message ended in, or SENDING when another pass owns it */
    private MailState deliver(JavaMailSender sender, long id) {
        Instant claimedAt = clock.instant();
        boolean claimed = transactions.execute(status -> messages.claim(id, claimant, claimedAt) == 1);
        if (!claimed) {
            return MailState.SENDING;
        }
        long every = Math.max(1, properties.claimTimeout().toMillis() / 5);
        ScheduledFuture<?> heartbeat = claimHeartbeats.scheduleWithFixedDelay(() -> refreshClaim(id), every, every,
                TimeUnit.MILLISECONDS);
        try {
            Snapshot message = transactions.execute(status -> Snapshot.of(messages.findById(id).orElseThrow(),
                    messages.findAttachments(id)));
            try {
                sender.send(mime -> compose(mime, message));
            } catch (MailException e) {
                return settleFailure(message, e);
            } catch (RuntimeException e) {
                // Whatever went wrong, the message must not stay claimed until the claim timeout.
                return settleFailure(message, e);
            }
        } finally {
            heartbeat.cancel(false);
        }
        Instant sentAt = clock.instant();
        transactions.executeWithoutResult(status -> messages.markSent(id, claimant, sentAt));
        return MailState.SENT;
    }

    private void refreshClaim(long id) {
        try {
            Instant now = clock.instant();
            transactions.executeWithoutResult(status -> messages.refreshClaim(id, claimant, now));
        } catch (RuntimeException e) {
            // The next beat tries again; missing several lets another node take the message over.
            log.warn("Could not refresh the claim of email {}: {}", id, e.toString());
        }
    }

    private MailState settleFailure(Snapshot message, RuntimeException e) {
        String error = describe(e);
        boolean permanent = e instanceof MailParseException || e instanceof MailPreparationException;
        if (permanent || message.attempts() >= properties.maxAttempts()) {
            log.warn("Giving up on email {} after {} attempt(s): {}", message.id(), message.attempts(), error);
            transactions.executeWithoutResult(status -> messages.markFailed(message.id(), claimant, error));
            return MailState.FAILED;
        }
        Instant next = clock.instant().plus(properties.retryDelay(message.attempts()));
        log.info("Email {} not sent (attempt {}), retrying at {}: {}", message.id(), message.attempts(), next, error);
        transactions.executeWithoutResult(status -> messages.markRetrying(message.id(), claimant, error, next));
        return MailState.RETRYING;
    }

    private void compose(MimeMessage mime, Snapshot message) throws MessagingException {
        boolean multipart = message.html() != null || !message.attachments().isEmpty();
        MimeMessageHelper helper = new MimeMessageHelper(mime, multipart, "UTF-8");
        try {
            helper.setFrom(new InternetAddress(properties.from(), message.senderName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new MailPreparationException(e);
        }
        helper.setTo(message.recipients().toArray(String[]::new));
        helper.setSubject(message.subject());
        helper.setSentDate(Date.from(clock.instant()));
        if (message.html() != null) {
            helper.setText(message.text(), message.html());
        } else {
            helper.setText(message.text());
        }
        for (var attachment : message.attachments()) {
            helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                    attachment.contentType());
            // Always base64: an attachment that happens to be ASCII would otherwise go as 7bit text and
            // arrive with its line endings rewritten (a corrupted PDF or CSV).
            var root = helper.getRootMimeMultipart();
            root.getBodyPart(root.getCount() - 1).setHeader("Content-Transfer-Encoding", "base64");
        }
        // A stable id per outbox message: should a crash make us send it twice, mail clients can tell.
        mime.setHeader("Message-ID", "<tutordesk-outbox-" + message.id() + "-" + message.createdAt().toEpochMilli()
                + "@" + domainOf(properties.from()) + ">");
    }

    private static String domainOf(String address) {
        try {
            String plain = new InternetAddress(address, true).getAddress();
            return plain.substring(plain.indexOf('@') + 1);
        } catch (AddressException e) {
            return "tutordesk.local";
        }
    }

    /**
     * @return the failure in a line for the outbox page, e.g. "Mail server unreachable: Connection
     *         refused" or "Mail server refused the login: 535 Authentication failed"
     */
    static String describe(Throwable e) {
        Throwable root = e;
        boolean unreachable = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            // Angus Mail's MailConnectException is on the runtime classpath only.
            unreachable |= t.getClass().getSimpleName().equals("MailConnectException")
                    || t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.SocketTimeoutException;
        }
        String rootMessage = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String text;
        if (unreachable) {
            text = "Mail server unreachable: " + rootMessage;
        } else if (e instanceof MailAuthenticationException) {
            text = "Mail server refused the login: " + rootMessage;
        } else {
            text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (root != e && root.getMessage() != null && !text.contains(root.getMessage())) {
                text += " (" + root.getMessage() + ")";
            }
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MailMessage.LAST_ERROR_MAX_LENGTH ? oneLine
                : oneLine.substring(0, MailMessage.LAST_ERROR_MAX_LENGTH - 1) + "…";
    }

    /** What a pass needs of a claimed message, read in one short transaction. */
    private record Snapshot(long id, String senderName, List<String> recipients, String subject, String text,
            String html, List<EmailAttachment> attachments, int attempts, Instant createdAt) {

        static Snapshot of(MailMessage message, List<MailAttachment> attachments) {
            return new Snapshot(message.getId(), message.getSenderName(), message.recipientList(),
                    message.getSubject(), message.getTextBody(), message.getHtmlBody(),
                    attachments.stream().map(MailAttachment::toAttachment).toList(), message.getAttempts(),
                    message.getCreatedAt());
        }
    }
}
