package com.tutordesk.security;

import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Password sign-in with throttling: refuses a locked email before checking the password, counts
 * wrong passwords (and unknown emails alike) and clears the count on success.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottleService throttle;
    private final UserAccountService accounts;

    ThrottlingAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottleService throttle,
            UserAccountService accounts) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = authentication.getName();
        Optional<Duration> locked = throttle.lockRemaining(email);
        if (locked.isPresent()) {
            throw new LockedException(lockMessage(locked.get()));
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.recordSuccess(email);
            accounts.recordLogin(email);
            return result;
        } catch (org.springframework.security.authentication.AccountStatusException e) {
            // A disabled login answers like a wrong password, so that its existence is not revealed.
            throttle.recordFailure(email);
            throw new BadCredentialsException("Bad credentials", e);
        } catch (BadCredentialsException e) {
            throttle.recordFailure(email);
            Optional<Duration> nowLocked = throttle.lockRemaining(email);
            if (nowLocked.isPresent()) {
                throw new LockedException(lockMessage(nowLocked.get()));
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static String lockMessage(Duration remaining) {
        long minutes = Math.max(1, (remaining.getSeconds() + 59) / 60);
        return "Too many failed sign-in attempts. Sign-in is paused for " + minutes
                + (minutes == 1 ? " minute." : " minutes.");
    }
}
