package com.tutordesk.security;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A browser in which a login has signed in before, recognised by a random token in a cookie (only
 * the token's SHA-256 is stored). Strangers' failed sign-ins pause the login's email for every
 * browser it does not know, but not for this one: the owner keeps signing in from their usual
 * browser while someone else guesses (OWASP "device cookies"). Its own failures pause it like an
 * email, so a stolen cookie buys no more guesses.
 */
@Entity
@Table(name = "known_browsers")
class KnownBrowser {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    @Embedded
    private FailedSignIns failures = new FailedSignIns();

    protected KnownBrowser() {
    }

    KnownBrowser(String tokenHash, long userId, Instant now) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.createdAt = now;
        this.lastUsedAt = now;
    }

    long userId() {
        return userId;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    void used(Instant now) {
        lastUsedAt = now;
    }

    FailedSignIns failures() {
        return failures;
    }
}
