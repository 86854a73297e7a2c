package com.tutordesk.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits failed sign-ins per client address, across all emails, so that one address cannot try a
 * password on many logins ("password spraying"): a token bucket (Bucket4j) per address holds
 * {@code address-failures} failures (default 20) and refills them over {@code address-refill}
 * (default 1 hour, i.e. one more failure every 3 minutes once the 20 are used). While the bucket
 * is empty, every try from that address is refused before the password is checked.
 *
 * <p>Buckets live in memory on each node (at most 100,000 addresses, dropped after a quiet refill
 * period): with two nodes an address gets up to twice the budget, which still stops spraying;
 * the per-email pauses ({@link LoginThrottleService}) are in the database and shared. The address
 * is the request's remote address, which is the client's only behind a proxy the app trusts
 * ({@code server.forward-headers-strategy=native}; README "Production").
 */
@Component
class AddressThrottle {

    private final Cache<String, Bucket> buckets;
    private final TimeMeter time;
    private final long capacity;
    private final Duration refill;

    AddressThrottle(Clock clock, @Value("${tutordesk.security.login.address-failures:20}") long capacity,
            @Value("${tutordesk.security.login.address-refill:1h}") Duration refill) {
        this.capacity = capacity;
        this.refill = refill;
        // The application clock, so that tests move time instead of sleeping.
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(refill).build();
    }

    /** @return how long tries from this address are refused, or empty when it may try (also for no address) */
    Optional<Duration> pauseRemaining(String address) {
        if (address == null) {
            return Optional.empty();
        }
        Bucket bucket = buckets.getIfPresent(address);
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Counts one failed sign-in from this address. */
    void recordFailure(String address) {
        if (address != null) {
            buckets.get(address, key -> newBucket()).tryConsume(1);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, refill))
                .withCustomTimePrecision(time)
                .build();
    }
}
