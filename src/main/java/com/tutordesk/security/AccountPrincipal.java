package com.tutordesk.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated principal kept in the security context (and the HTTP session). */
final class AccountPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long userId;
    private final String email;
    private String passwordHash;
    private final String displayName;
    private final Role role;
    private final Long tutorId;
    private final boolean enabled;

    AccountPrincipal(long userId, String email, String passwordHash, String displayName, Role role, Long tutorId,
            boolean enabled) {
        this.userId = userId;
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.tutorId = tutorId;
        this.enabled = enabled;
    }

    static AccountPrincipal of(UserAccount account) {
        return new AccountPrincipal(account.getId(), account.getEmail(), account.getPasswordHash(),
                account.getDisplayName(), account.getRole(), account.getTutorId(), account.isEnabled());
    }

    long userId() {
        return userId;
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
