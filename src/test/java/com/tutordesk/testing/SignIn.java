package com.tutordesk.testing;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Signs a login in for the current thread, exactly as a successful form login would. */
public class SignIn {

    private final UserDetailsService userDetails;

    SignIn(UserDetailsService userDetails) {
        this.userDetails = userDetails;
    }

    /** Signs in the login with this email (it must exist). */
    public void as(String email) {
        UserDetails user = userDetails.loadUserByUsername(email);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    /** Signs out. */
    public void out() {
        SecurityContextHolder.clearContext();
    }
}
