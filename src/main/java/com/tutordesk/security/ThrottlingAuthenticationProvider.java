package com.tutordesk.security;

import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Password sign-in with throttling (issue 12): refuses a paused try before the password is checked,
 * counts each wrong password (and unknown email, and disabled login, alike) exactly once, and
 * clears the count on success.
 *
 * <p>A browser in which this login has signed in before ({@link KnownBrowser}) is paused only by
 * its own failures. Any other browser is paused by the email's failures from all unknown browsers
 * ({@link LoginThrottleService}) and by its address's failures across all emails
 * ({@link AddressThrottle}).
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    static final String PAUSED = "Too many failed sign-in attempts. ";
    static final String ADDRESS_PAUSED = "Too many failed sign-in attempts from your network. ";

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottleService throttle;
    private final AddressThrottle addresses;
    private final UserAccountRepository logins;
    private final UserAccountService accounts;

    ThrottlingAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottleService throttle,
            AddressThrottle addresses, UserAccountRepository logins, UserAccountService accounts) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.addresses = addresses;
        this.logins = logins;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = UserAccount.normalizeEmail(authentication.getName());
        SignInDetails details = authentication.getDetails() instanceof SignInDetails d ? d : null;
        String address = details == null ? null : details.getRemoteAddress();
        Optional<String> browser = details == null || details.knownBrowserToken() == null ? Optional.empty()
                : logins.findByEmail(email).flatMap(login -> throttle.knownBrowser(details.knownBrowserToken(),
                        login.getId()));

        refuseWhilePaused(email, address, browser);
        try {
            Authentication result = delegate.authenticate(authentication);
            browser.ifPresentOrElse(throttle::recordBrowserSuccess, () -> throttle.recordSuccess(email));
            accounts.recordLogin(email);
            return result;
        } catch (AccountStatusException | BadCredentialsException e) {
            // A disabled login answers like a wrong password, so that its existence is not revealed.
            if (browser.isPresent()) {
                throttle.recordBrowserFailure(browser.get());
            } else {
                throttle.recordFailure(email);
                addresses.recordFailure(address);
            }
            refuseWhilePaused(email, address, browser);
            throw new BadCredentialsException("Bad credentials", e);
        }
    }

    private void refuseWhilePaused(String email, String address, Optional<String> browser) {
        if (browser.isPresent()) {
            Optional<Duration> paused = throttle.browserPauseRemaining(browser.get());
            if (paused.isPresent()) {
                throw new LockedException(PAUSED + SignInPauses.pausedFor(paused.get()));
            }
            return;
        }
        Optional<Duration> emailPaused = throttle.pauseRemaining(email);
        if (emailPaused.isPresent()) {
            throw new LockedException(PAUSED + SignInPauses.pausedFor(emailPaused.get()));
        }
        Optional<Duration> addressPaused = addresses.pauseRemaining(address);
        if (addressPaused.isPresent()) {
            throw new LockedException(ADDRESS_PAUSED + SignInPauses.pausedFor(addressPaused.get()));
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
