package com.tutordesk.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated principal kept in the security context (and the HTTP session). It carries the
 * login's {@linkplain UserAccount#credentialsStamp() credentials stamp} from the moment of sign-in, so
 * that a session signed in with a password that has changed since is no longer accepted
 * ({@link CurrentUserService}).
 */
final class AccountPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 2L;

    private final long userId;
    private final String email;
    private String passwordHash;
    private final String displayName;
    private final Role role;
    private final Long tutorId;
    private final boolean enabled;
    private final String credentialsStamp;

    AccountPrincipal(long userId, String email, String passwordHash, String displayName, Role role, Long tutorId,
            boolean enabled, String credentialsStamp) {
        this.userId = userId;
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.tutorId = tutorId;
        this.enabled = enabled;
        this.credentialsStamp = credentialsStamp;
    }

    static AccountPrincipal of(UserAccount account) {
        return new AccountPrincipal(account.getId(), account.getEmail(), account.getPasswordHash(),
                account.getDisplayName(), account.getRole(), account.getTutorId(), account.isEnabled(),
                account.credentialsStamp());
    }

    long userId() {
        return userId;
    }

    String credentialsStamp() {
        return credentialsStamp;
    }

    String displayName() {
        return displayName;
    }

    Role role() {
        return role;
    }

    Long tutorId() {
        return tutorId;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
