package com.tutordesk.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A requested change of a login's sign-in email, waiting for the code sent to the new address (at
 * most one per login). When the address already belongs to another login no code exists
 * ({@code codeHash} is null): the request looks the same to the person, but no code can confirm it.
 */
@Entity
@Table(name = "sign_in_email_changes")
class SignInEmailChange {

    @Id
    @Column(name = "user_id")
    private long userId;

    @Column(name = "new_email", nullable = false, length = UserAccount.EMAIL_MAX_LENGTH)
    private String newEmail;

    @Column(name = "code_hash", length = 64)
    private String codeHash;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "wrong_codes", nullable = false)
    private int wrongCodes;

    protected SignInEmailChange() {
    }

    SignInEmailChange(long userId, String newEmail, String codeHash, Instant requestedAt, Instant expiresAt) {
        this.userId = userId;
        this.newEmail = newEmail;
        this.codeHash = codeHash;
        this.requestedAt = requestedAt;
        this.expiresAt = expiresAt;
    }

    void renew(String newEmail, String codeHash, Instant requestedAt, Instant expiresAt) {
        this.newEmail = newEmail;
        this.codeHash = codeHash;
        this.requestedAt = requestedAt;
        this.expiresAt = expiresAt;
        this.wrongCodes = 0;
    }

    String newEmail() {
        return newEmail;
    }

    String codeHash() {
        return codeHash;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /** @return the number of wrong codes typed so far, after counting one more */
    int countWrongCode() {
        return ++wrongCodes;
    }
}
