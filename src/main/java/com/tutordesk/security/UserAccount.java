package com.tutordesk.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * A login: email + password hash with one role. A tutor login is linked to exactly one tutor
 * (by id, since tutors live in the people module), a client login to exactly one client; an admin
 * login to neither.
 */
@Entity
@Table(name = "users")
public class UserAccount {

    public static final int EMAIL_MAX_LENGTH = 254;
    public static final int NAME_MAX_LENGTH = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Email
    @Size(max = EMAIL_MAX_LENGTH)
    @Column(nullable = false, length = EMAIL_MAX_LENGTH)
    private String email;

    @NotBlank
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @NotBlank
    @Size(max = NAME_MAX_LENGTH)
    @Column(name = "display_name", nullable = false, length = NAME_MAX_LENGTH)
    private String displayName;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "tutor_id")
    private Long tutorId;

    /** The client of a CLIENT login (client portal, issue 18); {@code null} for staff. */
    @Column(name = "client_id")
    private Long clientId;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Version
    private long version;

    protected UserAccount() {
    }

    UserAccount(String email, String passwordHash, String displayName, Role role, Long tutorId, Instant createdAt) {
        this.email = normalizeEmail(email);
        this.passwordHash = passwordHash;
        this.displayName = displayName.strip();
        this.role = role;
        this.tutorId = tutorId;
        this.createdAt = createdAt;
    }

    /** A CLIENT login for the billing contact of {@code clientId} (client portal, issue 18). */
    static UserAccount forClient(long clientId, String email, String passwordHash, String displayName,
            Instant createdAt) {
        UserAccount account = new UserAccount(email, passwordHash, displayName, Role.CLIENT, null, createdAt);
        account.clientId = clientId;
        return account;
    }

    /** @return the email as stored and compared: trimmed and lower-cased */
    public static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public Long getTutorId() {
        return tutorId;
    }

    public Long getClientId() {
        return clientId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }

    /**
     * @return a short fingerprint of the password hash: it changes with every new password (bcrypt
     *         salts each hash), so a session that remembers it from sign-in can tell that the password
     *         changed since. Reveals nothing usable about the password.
     */
    String credentialsStamp() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(Tokens.sha256(passwordHash), 12));
    }

    void recordLogin(Instant at) {
        this.lastLoginAt = at;
    }

    /** Sets a new password hash; {@code temporary} hashes must be replaced at the next sign-in. */
    void setPassword(String newPasswordHash, boolean temporary) {
        this.passwordHash = newPasswordHash;
        this.mustChangePassword = temporary;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void rename(String newDisplayName) {
        this.displayName = newDisplayName.strip();
    }

    void changeEmail(String newEmail) {
        this.email = normalizeEmail(newEmail);
    }
}
