package com.tutordesk.security;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The secret of a link sent by email that works once, until it expires, unless revoked first: the
 * portal invitation's set-password link and the family's confirm-new-email link (issue 18). Only the
 * SHA-256 digest of the link's 256 random bits is kept, so a copy of the database opens nothing.
 * Columns: {@code token_hash}, {@code created_at}, {@code expires_at}, {@code used_at},
 * {@code revoked_at} (all instants UTC).
 */
@Embeddable
class OneTimeLink {

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

    protected OneTimeLink() {
    }

    private OneTimeLink(String tokenHash, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /**
     * A new link's secret.
     *
     * @param token the raw token for the email (43 characters, base64url); returned once, never stored
     * @param link  what is stored: the token's digest and the link's times
     */
    record Issued(String token, OneTimeLink link) {
    }

    /** @return a fresh random link, made at {@code now}, working for {@code validity} */
    static Issued issue(Instant now, Duration validity) {
        String token = Tokens.random(32);
        return new Issued(token, new OneTimeLink(digest(token), now, now.plus(validity)));
    }

    /** @return the stored form of a token from a link (stripped first), for looking it up */
    static String digest(String token) {
        return Tokens.sha256Hex(token.strip());
    }

    /** @return whether the link still works at {@code now}: not used, not revoked, not expired */
    boolean usableAt(Instant now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    void markUsed(Instant at) {
        this.usedAt = at;
    }

    /** Stops an open link from working; a used or already revoked one keeps its record as it was. */
    void revoke(Instant at) {
        if (usedAt == null && revokedAt == null) {
            this.revokedAt = at;
        }
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
