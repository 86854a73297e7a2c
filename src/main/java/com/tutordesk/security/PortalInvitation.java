package com.tutordesk.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An invitation of a client's billing contact to the portal (issue 18): the one-time link's token is
 * kept only as its SHA-256 digest. Usable once, until it expires, unless a newer invitation or
 * "Disable portal login" revoked it.
 */
@Entity
@Table(name = "portal_invitations")
class PortalInvitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false)
    private long clientId;

    @Column(nullable = false, length = UserAccount.EMAIL_MAX_LENGTH)
    private String email;

    @Column(name = "display_name", nullable = false, length = UserAccount.NAME_MAX_LENGTH)
    private String displayName;

    /** SHA-256 as 64 hex digits, a fixed-length CHAR(64) column (validated as such on H2 and MariaDB). */
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "invited_by_user_id")
    private Long invitedByUserId;

    protected PortalInvitation() {
    }

    PortalInvitation(long clientId, String email, String displayName, String tokenHash, Instant createdAt,
            Instant expiresAt, Long invitedByUserId) {
        this.clientId = clientId;
        this.email = email;
        this.displayName = displayName;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.invitedByUserId = invitedByUserId;
    }

    Long getId() {
        return id;
    }

    long getClientId() {
        return clientId;
    }

    String getEmail() {
        return email;
    }

    String getDisplayName() {
        return displayName;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    /** @return whether the link still sets a password at {@code now}: not used, not revoked, not expired */
    boolean usableAt(Instant now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    void markUsed(Instant at) {
        this.usedAt = at;
    }

    void revoke(Instant at) {
        if (usedAt == null && revokedAt == null) {
            this.revokedAt = at;
        }
    }
}
