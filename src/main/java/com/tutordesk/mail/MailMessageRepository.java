package com.tutordesk.mail;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The outbox table. Every state change is one conditional UPDATE whose row count tells whether it
 * happened, so that two delivery passes (two nodes, or a pass overlapping a slow one) cannot both
 * claim or settle the same message.
 */
interface MailMessageRepository extends JpaRepository<MailMessage, Long> {

    String DUE = "((m.state in (com.tutordesk.mail.MailState.PENDING, com.tutordesk.mail.MailState.RETRYING)"
            + " and m.nextAttemptAt <= :now) or m.state = com.tutordesk.mail.MailState.HELD)";

    /** Ids of messages a pass with a configured mail server may send now, oldest due first. */
    @Query("select m.id from MailMessage m where " + DUE + " order by m.nextAttemptAt, m.id")
    List<Long> findDueIds(Instant now, Limit limit);

    /** Claims a due message for one pass: it becomes SENDING and its attempt is counted. */
    @Modifying
    @Query("update MailMessage m set m.state = com.tutordesk.mail.MailState.SENDING, m.claimedBy = :claimant,"
            + " m.claimedAt = :now, m.attempts = m.attempts + 1, m.version = m.version + 1 where m.id = :id and " + DUE)
    int claim(long id, String claimant, Instant now);

    /** Keeps a live pass's claim fresh while the mail server takes its time. */
    @Modifying
    @Query("update MailMessage m set m.claimedAt = :now where m.id = :id"
            + " and m.state = com.tutordesk.mail.MailState.SENDING and m.claimedBy = :claimant")
    int refreshClaim(long id, String claimant, Instant now);

    @Modifying
    @Query("update MailMessage m set m.state = com.tutordesk.mail.MailState.SENT, m.sentAt = :now, m.lastError = null,"
            + " m.claimedBy = null, m.claimedAt = null, m.version = m.version + 1"
            + " where m.id = :id and m.state = com.tutordesk.mail.MailState.SENDING and m.claimedBy = :claimant")
    int markSent(long id, String claimant, Instant now);

    @Modifying
    @Query("update MailMessage m set m.state = com.tutordesk.mail.MailState.RETRYING, m.lastError = :error,"
            + " m.nextAttemptAt = :nextAttemptAt, m.claimedBy = null, m.claimedAt = null, m.version = m.version + 1"
            + " where m.id = :id and m.state = com.tutordesk.mail.MailState.SENDING and m.claimedBy = :claimant")
    int markRetrying(long id, String claimant, String error, Instant nextAttemptAt);

    @Modifying
    @Query("update MailMessage m set m.state = com.tutordesk.mail.MailState.FAILED, m.lastError = :error,"
            + " m.claimedBy = null, m.claimedAt = null, m.version = m.version + 1"
            + " where m.id = :id and m.state = com.tutordesk.mail.MailState.SENDING and m.claimedBy = :claimant")
    int markFailed(long id, String claimant, String error);

    /** Holds every unsent message while no mail server is configured. */
    @Modifying
    @Query("update MailMessage m set m.state = com.tutordesk.mail.MailState.HELD, m.lastError = :reason,"
            + " m.version = m.version + 1"
            + " where m.state in (com.tutordesk.mail.MailState.PENDING, com.tutordesk.mail.MailState.RETRYING)")
    int holdUnsent(String reason);

    /**
     * Gives back messages whose pass died while sending (the node stopped or crashed): after the claim
     * timeout they are due again. They may have reached the server before the crash; sending again is
     * preferred over losing the email.
     */
    @Modifying
    @Query("update MailMessage m set m.state = com.tutordesk.mail.MailState.RETRYING, m.lastError = :error,"
            + " m.nextAttemptAt = :now, m.claimedBy = null, m.claimedAt = null, m.version = m.version + 1"
            + " where m.state = com.tutordesk.mail.MailState.SENDING and m.claimedAt < :claimedBefore")
    int releaseAbandonedClaims(Instant claimedBefore, String error, Instant now);

    /**
     * Withdraws the unsent messages about one record (PENDING, RETRYING, HELD or FAILED; a message being
     * sent right now is past withdrawing).
     */
    @Modifying
    @Query("update MailMessage m set m.state = com.tutordesk.mail.MailState.WITHDRAWN, m.lastError = :reason,"
            + " m.claimedBy = null, m.claimedAt = null, m.version = m.version + 1"
            + " where m.refType = :refType and m.refId = :refId and m.state in (com.tutordesk.mail.MailState.PENDING,"
            + " com.tutordesk.mail.MailState.RETRYING, com.tutordesk.mail.MailState.HELD,"
            + " com.tutordesk.mail.MailState.FAILED)")
    int withdrawUnsent(String refType, long refId, String reason);

    /** Withdraws one unsent message (an admin's Discard); 0 when it is being sent, sent or withdrawn already. */
    @Modifying
    @Query("update MailMessage m set m.state = com.tutordesk.mail.MailState.WITHDRAWN, m.lastError = :reason,"
            + " m.claimedBy = null, m.claimedAt = null, m.version = m.version + 1"
            + " where m.id = :id and m.state in (com.tutordesk.mail.MailState.PENDING,"
            + " com.tutordesk.mail.MailState.RETRYING, com.tutordesk.mail.MailState.HELD,"
            + " com.tutordesk.mail.MailState.FAILED)")
    int withdraw(long id, String reason);

    /** An admin's "Retry now": due at once, with a fresh round of attempts. */
    @Modifying
    @Query("update MailMessage m set m.state = :state, m.lastError = :reason, m.attempts = 0, m.nextAttemptAt = :now,"
            + " m.version = m.version + 1 where m.id = :id and m.state in (com.tutordesk.mail.MailState.HELD,"
            + " com.tutordesk.mail.MailState.FAILED, com.tutordesk.mail.MailState.RETRYING)")
    int retryNow(long id, MailState state, String reason, Instant now);

    @Query(MessageRow.SELECT + " where m.refType = :refType and m.refId = :refId order by m.createdAt desc, m.id desc")
    List<MessageRow> findByReference(String refType, long refId);

    @Query(MessageRow.SELECT + " where m.id = :id")
    MessageRow findRow(long id);

    /** One page of the outbox, newest first; {@code state == null} means every state. */
    @Query(MessageRow.SELECT + " where (:state is null or m.state = :state) order by m.createdAt desc, m.id desc")
    List<MessageRow> findPage(MailState state, Pageable pageable);

    @Query("select count(m) from MailMessage m where (:state is null or m.state = :state)")
    long countByState(MailState state);

    /** How many messages wait to be sent (pending, being sent, retrying) and when the oldest was queued. */
    @Query("select new com.tutordesk.mail.OutboxBacklog(count(m), min(m.createdAt)) from MailMessage m where m.state in"
            + " (com.tutordesk.mail.MailState.PENDING, com.tutordesk.mail.MailState.SENDING,"
            + " com.tutordesk.mail.MailState.RETRYING)")
    OutboxBacklog findBacklog();

    @Query("select new com.tutordesk.mail.OutboxMessageDetails$AttachmentInfo(a.fileName, a.contentType, a.sizeBytes)"
            + " from MailAttachment a where a.messageId = :messageId order by a.position")
    List<OutboxMessageDetails.AttachmentInfo> findAttachmentInfo(long messageId);

    @Query("select a from MailAttachment a where a.messageId = :messageId order by a.position")
    List<MailAttachment> findAttachments(long messageId);
}
