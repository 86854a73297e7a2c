package com.tutordesk.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An invitation of a client's billing contact to the portal (issue 18): its {@link OneTimeLink}
 * sets the password. Usable once, until it expires, unless a newer invitation or
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

    @jakarta.persistence.Embedded
    private OneTimeLink link;

    @Column(name = "invited_by_user_id")
    private Long invitedByUserId;

    protected PortalInvitation() {
    }

    PortalInvitation(long clientId, String email, String displayName, OneTimeLink link, Long invitedByUserId) {
        this.clientId = clientId;
        this.email = email;
        this.displayName = displayName;
        this.link = link;
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
        return link.createdAt();
    }

    Instant getExpiresAt() {
        return link.expiresAt();
    }

    /** @return whether the link still sets a password at {@code now}: not used, not revoked, not expired */
    boolean usableAt(Instant now) {
        return link.usableAt(now);
    }

    void markUsed(Instant at) {
        link.markUsed(at);
    }

    void revoke(Instant at) {
        link.revoke(at);
    }
}
