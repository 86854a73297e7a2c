package com.tutordesk.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing with growing pauses ({@link SignInPauses}; defaults: the 5th failure
 * in a row pauses 1 minute, each further one doubles it up to 15 minutes, failures are forgotten
 * after a day without one or after a successful sign-in).
 *
 * <p>Two counts, both in the database so that every node sees them: per email for browsers that
 * have not signed in to that login before (kept for unknown emails too, so answers never reveal
 * whether an account exists), and per {@link KnownBrowser}. Strangers' failures therefore never
 * pause the owner's usual browser. Failures are recorded in transactions of their own, so that they
 * are kept whatever happens to the sign-in.
 */
@Service
public class LoginThrottleService {

    /** How long a browser stays known without signing in (and its cookie lives). */
    static final Duration KNOWN_BROWSER_LIFETIME = Duration.ofDays(180);

    private final LoginThrottleRepository emails;
    private final KnownBrowserRepository browsers;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    private final SignInPauses pauses;

    LoginThrottleService(LoginThrottleRepository emails, KnownBrowserRepository browsers, Clock clock,
            PlatformTransactionManager transactionManager,
            @Value("${tutordesk.security.login.failures-before-pause:5}") int failuresBeforePause,
            @Value("${tutordesk.security.login.first-pause:1m}") Duration firstPause,
            @Value("${tutordesk.security.login.max-pause:15m}") Duration maxPause,
            @Value("${tutordesk.security.login.forget-failures-after:24h}") Duration forgetAfter) {
        this.emails = emails;
        this.browsers = browsers;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(Propagation.REQUIRES_NEW.value());
        this.pauses = new SignInPauses(failuresBeforePause, firstPause, maxPause, forgetAfter);
    }

    /** @return how long sign-in with this email stays paused for unknown browsers, or empty when it may try */
    public Optional<Duration> pauseRemaining(String email) {
        Instant now = clock.instant();
        return newTransaction.execute(status -> emails.findById(UserAccount.normalizeEmail(email))
                .flatMap(throttle -> throttle.failures().pauseRemaining(now)));
    }

    /** Records one failed sign-in of this email from an unknown browser. */
    public void recordFailure(String email) {
        String key = UserAccount.normalizeEmail(email);
        if (key.isEmpty() || key.length() > UserAccount.EMAIL_MAX_LENGTH) {
            return;
        }
        try {
            newTransaction.executeWithoutResult(status -> countFailure(key));
        } catch (DataIntegrityViolationException concurrentFirstFailure) {
            // Two first failures raced to insert the row; the row exists now, so count on it.
            newTransaction.executeWithoutResult(status -> countFailure(key));
        }
    }

    /** Forgets the email's failures after a successful sign-in from an unknown browser. */
    public void recordSuccess(String email) {
        String key = UserAccount.normalizeEmail(email);
        newTransaction.executeWithoutResult(status -> emails.findById(key).ifPresent(emails::delete));
    }

    /** @return the failure count of this email now (0 when none is kept) */
    int failureCount(String email) {
        return newTransaction.execute(status -> emails.findById(UserAccount.normalizeEmail(email))
                .map(throttle -> throttle.failures().failedAttempts()).orElse(0));
    }

    /**
     * @param token  the browser's cookie token, or {@code null}
     * @param userId the login the browser signs in to
     * @return the stored hash of the token when it names a browser in which this login has signed in
     */
    Optional<String> knownBrowser(String token, long userId) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Tokens.sha256Hex(token);
        Instant oldest = clock.instant().minus(KNOWN_BROWSER_LIFETIME);
        return newTransaction.execute(status -> browsers.findById(hash)
                .filter(browser -> browser.userId() == userId && browser.lastUsedAt().isAfter(oldest))
                .map(browser -> hash));
    }

    /** @return how long this known browser's sign-in stays paused after its own failures */
    Optional<Duration> browserPauseRemaining(String browserHash) {
        Instant now = clock.instant();
        return newTransaction.execute(status -> browsers.findById(browserHash)
                .flatMap(browser -> browser.failures().pauseRemaining(now)));
    }

    void recordBrowserFailure(String browserHash) {
        newTransaction.executeWithoutResult(status -> browsers.findForUpdate(browserHash).ifPresent(browser -> {
            browser.failures().recordFailure(clock.instant(), pauses);
            browsers.saveAndFlush(browser);
        }));
    }

    void recordBrowserSuccess(String browserHash) {
        newTransaction.executeWithoutResult(status -> browsers.findForUpdate(browserHash).ifPresent(browser -> {
            browser.failures().clear();
            browser.used(clock.instant());
        }));
    }

    /**
     * Remembers the browser a login has just signed in with: keeps a token that already names a
     * browser of this login, or makes a new one (and forgets the login's browsers unused for longer
     * than {@link #KNOWN_BROWSER_LIFETIME}).
     *
     * @param presented the token the browser sent, or {@code null}
     * @return the token the browser should keep: {@code presented} or a new one
     */
    String rememberBrowser(long userId, String presented) {
        Instant now = clock.instant();
        Optional<String> known = knownBrowser(presented, userId);
        if (known.isPresent()) {
            newTransaction.executeWithoutResult(status -> browsers.findById(known.get())
                    .ifPresent(browser -> browser.used(now)));
            return presented;
        }
        String token = Tokens.random(32);
        // Two transactions, not one: on InnoDB the delete locks the gap of the user_id index where this
        // login's rows would be, a concurrent sign-in's delete locks the same gap, and then each insert
        // waits for the other's gap lock — a deadlock, a 500 for up to 11 of 20 simultaneous sign-ins
        // in the load test (issue 20). A committed delete holds no lock; an old row left by a failure
        // between the two is deleted at the next sign-in.
        newTransaction.executeWithoutResult(status -> browsers.deleteUnusedSince(userId,
                now.minus(KNOWN_BROWSER_LIFETIME)));
        newTransaction.executeWithoutResult(status -> browsers.save(new KnownBrowser(Tokens.sha256Hex(token),
                userId, now)));
        return token;
    }

    private void countFailure(String key) {
        Instant now = clock.instant();
        LoginThrottle throttle = emails.findForUpdate(key).orElseGet(() -> new LoginThrottle(key));
        throttle.failures().recordFailure(now, pauses);
        emails.saveAndFlush(throttle);
    }

}
