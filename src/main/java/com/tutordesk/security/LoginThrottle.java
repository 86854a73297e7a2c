package com.tutordesk.security;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Failed sign-ins per email from browsers that have not signed in to that login before, kept for
 * any email typed (existing or not) so that the answers never tell whether an account exists. Kept
 * in the database so that every node of a cluster sees the same count.
 */
@Entity
@Table(name = "login_throttle")
class LoginThrottle {

    @Id
    @Column(length = UserAccount.EMAIL_MAX_LENGTH)
    private String email;

    @Embedded
    private FailedSignIns failures = new FailedSignIns();

    protected LoginThrottle() {
    }

    LoginThrottle(String email) {
        this.email = email;
    }

    FailedSignIns failures() {
        return failures;
    }
}
