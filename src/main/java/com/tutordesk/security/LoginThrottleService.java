package com.tutordesk.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Throttles repeated failed sign-ins per email: after {@code max-failures} failures in a row the
 * email is locked for {@code lock-minutes} (defaults 5 and 5). Applies to emails without an
 * account too, so the answer never reveals whether an account exists.
 */
@Service
public class LoginThrottleService {

    private final LoginThrottleRepository repository;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginThrottleService(LoginThrottleRepository repository, Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactionManager,
            @Value("${tutordesk.security.login.max-failures:5}") int maxFailures,
            @Value("${tutordesk.security.login.lock-minutes:5}") int lockMinutes) {
        this.repository = repository;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(Propagation.REQUIRES_NEW.value());
        this.maxFailures = maxFailures;
        this.lockDuration = Duration.ofMinutes(lockMinutes);
    }

    /** @return how long the email stays locked, or empty when it may try to sign in */
    @Transactional(readOnly = true)
    public Optional<Duration> lockRemaining(String email) {
        Instant now = clock.instant();
        return repository.findById(UserAccount.normalizeEmail(email))
                .map(LoginThrottle::lockedUntil)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    /** Records one failed sign-in, in its own transaction so that the failure is kept. */
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

    /** Forgets earlier failures after a successful sign-in. */
    public void recordSuccess(String email) {
        String key = UserAccount.normalizeEmail(email);
        newTransaction.executeWithoutResult(status -> repository.findById(key).ifPresent(repository::delete));
    }

    /** @return the number of failures in a row that locks an email */
    public int maxFailures() {
        return maxFailures;
    }

    /** @return how long a lock lasts */
    public Duration lockDuration() {
        return lockDuration;
    }

    private void countFailure(String key) {
        Instant now = clock.instant();
        LoginThrottle throttle = repository.findForUpdate(key).orElseGet(() -> new LoginThrottle(key, now));
        throttle.recordFailure(now, maxFailures, lockDuration);
        repository.saveAndFlush(throttle);
    }
}
