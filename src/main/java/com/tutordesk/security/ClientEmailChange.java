package com.tutordesk.security;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A family's request to change its billing and portal sign-in email (issue 18), waiting for the
 * {@link OneTimeLink} sent to the new address. A newer request or "Disable portal login" revokes it.
 */
@Entity
@Table(name = "client_email_changes")
class ClientEmailChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false)
    private long clientId;

    @Column(name = "new_email", nullable = false, length = UserAccount.EMAIL_MAX_LENGTH)
    private String newEmail;

    @Embedded
    private OneTimeLink link;

    protected ClientEmailChange() {
    }

    ClientEmailChange(long clientId, String newEmail, OneTimeLink link) {
        this.clientId = clientId;
        this.newEmail = newEmail;
        this.link = link;
    }

    long clientId() {
        return clientId;
    }

    String newEmail() {
        return newEmail;
    }

    OneTimeLink link() {
        return link;
    }
}
