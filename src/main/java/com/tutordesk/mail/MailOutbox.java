package com.tutordesk.mail;

import com.tutordesk.scheduling.BackgroundJobs;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;

/**
 * The email outbox: the one way the application sends email.
 *
 * <p>{@link #enqueue} writes the message in the caller's transaction: it exists iff the business
 * change commits, and it is sent after the commit by {@link OutboxDelivery} (retried with back-off
 * while the mail server is unreachable, held while none is configured). Issue 5 (session reports),
 * 7 (invoices) and 8 (receipts, pay links) send through here.
 */
@Service
public class MailOutbox {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MailOutbox.class);

    private final MailMessageRepository messages;
    private final MailAttachmentRepository attachments;
    private final SettingsService settings;
    private final CurrentUserService currentUsers;
    private final OutboxDelivery delivery;
    private final BackgroundJobs backgroundJobs;
    private final Clock clock;

    MailOutbox(MailMessageRepository messages, MailAttachmentRepository attachments, SettingsService settings,
            CurrentUserService currentUsers, OutboxDelivery delivery, BackgroundJobs backgroundJobs, Clock clock) {
        this.messages = messages;
        this.attachments = attachments;
        this.settings = settings;
        this.currentUsers = currentUsers;
        this.delivery = delivery;
        this.backgroundJobs = backgroundJobs;
        this.clock = clock;
    }

    /**
     * Puts an email in the outbox as part of the caller's transaction. The sender name is the
     * business's email sender name (settings) at this moment. The message starts PENDING, or HELD
     * ("held: no mail server configured") when {@code spring.mail.host} is not set.
     *
     * <p>Call it from the {@code @Transactional} (read-write) service method that makes the business
     * change, e.g. {@code SessionService.saveAndSendReport}; after the commit the delivery job is asked
     * to run at once, so the email usually leaves within seconds.
     *
     * @return the outbox message id
     * @throws org.springframework.transaction.IllegalTransactionStateException when called outside a
     *         transaction (the message must commit or roll back with the business change)
     * @throws IllegalArgumentException naming the field, for a recipient that is not an email
     *         address, a blank or multi-line subject, an empty text body, or attachments over the limits
     *         in {@link OutgoingEmail} and {@link EmailAttachment}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(OutgoingEmail email) {
        List<String> recipients = validate(email);
        Instant now = clock.instant();
        boolean serverConfigured = delivery.mailServerConfigured();
        String senderName = settings.profile().emailSenderName();
        if (senderName.length() > MailMessage.SENDER_NAME_MAX_LENGTH) {
            senderName = senderName.substring(0, MailMessage.SENDER_NAME_MAX_LENGTH);
        }
        MailMessage message = messages.save(new MailMessage(email.reference(), senderName, recipients,
                email.subject().strip(), email.textBody(), blankToNull(email.htmlBody()),
                serverConfigured ? MailState.PENDING : MailState.HELD,
                serverConfigured ? null : OutboxMessage.HELD_NO_MAIL_SERVER, now));
        int position = 0;
        for (EmailAttachment attachment : email.attachments()) {
            attachments.save(new MailAttachment(message.getId(), position++, attachment));
        }
        if (serverConfigured) {
            deliverSoonAfterCommit();
        }
        return message.getId();
    }

    /**
     * The emails about one record, newest first, e.g. to show "Sent to … at …" on a session.
     * Checks no role: the calling module has already decided the user may see that record.
     */
    @Transactional(readOnly = true)
    public List<OutboxMessage> messagesFor(MailReference reference) {
        return messages.findByReference(reference.type(), reference.id()).stream().map(MessageRow::toMessage).toList();
    }

    /**
     * @return the latest email about a record, if any (a report may be sent several times)
     */
    @Transactional(readOnly = true)
    public Optional<OutboxMessage> latestFor(MailReference reference) {
        return messagesFor(reference).stream().findFirst();
    }

    /**
     * One page of the outbox, newest first (admins only).
     *
     * @param state    only messages in this state, or {@code null} for all
     * @param pageable page number and size (its sort is ignored: always newest first)
     * @throws org.springframework.security.access.AccessDeniedException unless the user is an admin
     */
    @Transactional(readOnly = true)
    public List<OutboxMessage> list(MailState state, Pageable pageable) {
        currentUsers.requireAdmin();
        Pageable unsorted = pageable.isPaged() ? PageRequest.of(pageable.getPageNumber(), pageable.getPageSize())
                : pageable;
        return messages.findPage(state, unsorted).stream().map(MessageRow::toMessage).toList();
    }

    /**
     * @param state only messages in this state, or {@code null} for all
     * @return how many messages {@link #list} can page through (admins only)
     */
    @Transactional(readOnly = true)
    public long count(MailState state) {
        currentUsers.requireAdmin();
        return messages.countByState(state);
    }

    /**
     * The emails waiting to go out, for health probes and metrics. Checks no role: it shows counts and
     * a time only, and the probes ask without a login.
     */
    @Transactional(readOnly = true)
    public OutboxBacklog backlog() {
        return messages.findBacklog();
    }

    /**
     * One message with its bodies and attachment names and sizes (admins only).
     *
     * @throws NotFoundException when there is no such message
     */
    @Transactional(readOnly = true)
    public OutboxMessageDetails details(long id) {
        currentUsers.requireAdmin();
        MailMessage message = messages.findById(id).orElseThrow(() -> new NotFoundException("Email", id));
        return new OutboxMessageDetails(messages.findRow(id).toMessage(), message.getSenderName(),
                message.getTextBody(), message.getHtmlBody(), messages.findAttachmentInfo(id));
    }

    /**
     * An admin's "Retry now" for a HELD, RETRYING or FAILED message: due at once with a fresh round of
     * attempts, and sent right after the commit by this node (on a background thread; a delivery pass
     * running elsewhere at the same moment cannot send it twice: whoever claims it first sends it).
     *
     * @return the message as it is now
     * @throws NotFoundException when there is no such message
     * @throws RuleViolationException when it is pending, being sent or sent already, or when no mail
     *         server is configured (then it stays held)
     */
    @Transactional
    public OutboxMessage retryNow(long id) {
        currentUsers.requireAdmin();
        MailMessage message = messages.findById(id).orElseThrow(() -> new NotFoundException("Email", id));
        if (!message.getState().retryable()) {
            throw new RuleViolationException("This email is " + message.getState().label().toLowerCase()
                    + ": only held, retrying or failed emails can be retried");
        }
        if (!delivery.mailServerConfigured()) {
            throw new RuleViolationException("No mail server is configured: set spring.mail.host (README \"Email\")"
                    + " and restart; held emails are then sent automatically");
        }
        if (messages.retryNow(id, MailState.PENDING, message.getLastError(), clock.instant()) != 1) {
            throw new RuleViolationException("This email changed in the meantime: reload the page");
        }
        afterCommit(() -> Thread.ofVirtual().name("outbox-retry-now-" + id).start(() -> {
            try {
                delivery.deliverNow(id);
            } catch (RuntimeException e) {
                // The message stays due: the delivery job sends it on its next pass.
                log.warn("Retry now of email {} did not finish; the delivery job will send it: {}", id, e.toString());
            }
        }));
        return messages.findRow(id).toMessage();
    }

    /**
     * Withdraws every email about {@code reference} that is not sent yet — waiting, retrying, held or
     * given up — in the caller's transaction (issue 12: a payment request for an invoice cancelled or
     * paid meanwhile must not reach the parent later). An email being handed to the mail server at this
     * moment is past withdrawing and goes out.
     *
     * @param reason shown on the outbox page and the record's page, e.g. "withdrawn: invoice cancelled"
     * @return how many emails were withdrawn
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int withdrawUnsent(MailReference reference, String reason) {
        return messages.withdrawUnsent(reference.type(), reference.id(), reason);
    }

    /**
     * An admin's "Discard" of an email not sent yet (waiting, retrying, held or given up): it is never
     * sent; the outbox keeps it, marked "discarded by …".
     *
     * @return the message as it is now
     * @throws NotFoundException when there is no such message
     * @throws RuleViolationException when it is being sent, sent or withdrawn already
     */
    @Transactional
    public OutboxMessage discard(long id) {
        var user = currentUsers.requireAdmin();
        MailMessage message = messages.findById(id).orElseThrow(() -> new NotFoundException("Email", id));
        if (!message.getState().withdrawable()) {
            throw new RuleViolationException("This email is " + message.getState().label().toLowerCase()
                    + ": only an email not sent yet can be discarded");
        }
        if (messages.withdraw(id, "discarded by " + user.displayName()) != 1) {
            throw new RuleViolationException("This email changed in the meantime (it may be on its way): reload the"
                    + " page");
        }
        return messages.findRow(id).toMessage();
    }

    /** @return the outbox message as it is now (e.g. just after {@link #enqueue}), for saying what happened */
    @Transactional(readOnly = true)
    public OutboxMessage message(long id) {
        return messages.findRow(id).toMessage();
    }

    private void deliverSoonAfterCommit() {
        afterCommit(() -> backgroundJobs.runSoon(OutboxConfiguration.DELIVERY_INSTANCE));
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        }
    }

    private static List<String> validate(OutgoingEmail email) {
        if (email.to().isEmpty()) {
            throw new IllegalArgumentException("Recipient is required");
        }
        if (email.to().size() > OutgoingEmail.MAX_RECIPIENTS) {
            throw new IllegalArgumentException("At most " + OutgoingEmail.MAX_RECIPIENTS + " recipients");
        }
        List<String> recipients = new ArrayList<>();
        for (String to : email.to()) {
            recipients.add(parseAddress(to));
        }
        String subject = email.subject();
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("Subject is required");
        }
        if (subject.strip().length() > OutgoingEmail.SUBJECT_MAX_LENGTH) {
            throw new IllegalArgumentException("Subject must be at most " + OutgoingEmail.SUBJECT_MAX_LENGTH + " characters");
        }
        if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("Subject must be a single line");
        }
        if (email.textBody() == null || email.textBody().isBlank()) {
            throw new IllegalArgumentException("Text body is required");
        }
        if (email.textBody().length() > OutgoingEmail.BODY_MAX_LENGTH) {
            throw new IllegalArgumentException("Text body must be at most " + OutgoingEmail.BODY_MAX_LENGTH + " characters");
        }
        if (email.htmlBody() != null && email.htmlBody().length() > OutgoingEmail.BODY_MAX_LENGTH) {
            throw new IllegalArgumentException("HTML body must be at most " + OutgoingEmail.BODY_MAX_LENGTH + " characters");
        }
        if (email.attachments().size() > OutgoingEmail.MAX_ATTACHMENTS) {
            throw new IllegalArgumentException("At most " + OutgoingEmail.MAX_ATTACHMENTS + " attachments");
        }
        long total = 0;
        for (EmailAttachment attachment : email.attachments()) {
            validate(attachment);
            total += attachment.size();
        }
        if (total > OutgoingEmail.ATTACHMENTS_MAX_BYTES) {
            throw new IllegalArgumentException("Attachments must be at most " + OutgoingEmail.ATTACHMENTS_MAX_BYTES
                    / (1024 * 1024) + " MB together");
        }
        return recipients;
    }

    private static String parseAddress(String to) {
        String candidate = to == null ? "" : to.strip();
        try {
            if (candidate.isEmpty() || candidate.length() > 254) {
                throw new AddressException("bad length");
            }
            InternetAddress address = new InternetAddress(candidate, true);
            String plain = address.getAddress();
            if (!plain.equals(candidate) || plain.indexOf('@') < 1) {
                // A display name or group syntax ("Ann <a@b>", "a@b, c@d") would hide extra recipients.
                throw new AddressException("not a plain address");
            }
            return plain;
        } catch (AddressException e) {
            throw new IllegalArgumentException("Recipient \"" + candidate + "\" is not a valid email address");
        }
    }

    private static void validate(EmailAttachment attachment) {
        String name = attachment.fileName();
        if (name.isBlank() || name.length() > EmailAttachment.FILE_NAME_MAX_LENGTH) {
            throw new IllegalArgumentException("Attachment file name must be 1 to "
                    + EmailAttachment.FILE_NAME_MAX_LENGTH + " characters");
        }
        if (name.chars().anyMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c))) {
            throw new IllegalArgumentException("Attachment file name must not contain a path or control characters: "
                    + name.replaceAll("\\p{Cntrl}", "?"));
        }
        try {
            if (attachment.contentType().length() > EmailAttachment.CONTENT_TYPE_MAX_LENGTH) {
                throw new InvalidMimeTypeException(attachment.contentType(), "too long");
            }
            MimeType type = MimeType.valueOf(attachment.contentType());
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                throw new InvalidMimeTypeException(attachment.contentType(), "wildcard");
            }
        } catch (InvalidMimeTypeException e) {
            throw new IllegalArgumentException("Attachment content type must be a MIME type such as application/pdf: "
                    + attachment.contentType());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
