package com.tutordesk.session;

import com.tutordesk.settings.SettingsService;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps what prepaid packages cover of a session in step with the session (issue 17; domain.md
 * "Prepaid packages"), inside the transaction that changes it: a session that completes while its
 * engagement has hours left starts drawing on them; after that, every change of its minutes or status
 * gives minutes back or takes more. A session that completed before any hours were paid is never
 * covered by itself (only through "Apply package"). An invoiced or paid session is never touched: its
 * billed remainder does not change silently. Without the prepaid module nothing happens.
 */
@Component
class SessionPackages {

    private final ObjectProvider<PackageMinutes> packages;
    private final SettingsService settings;
    private final Clock clock;

    SessionPackages(ObjectProvider<PackageMinutes> packages, SettingsService settings, Clock clock) {
        this.packages = packages;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return the minutes left on the engagement's paid packages (0 without the prepaid module) */
    int minutesLeft(long engagementId) {
        PackageMinutes minutes = packages.getIfAvailable();
        return minutes == null ? 0 : minutes.minutesLeft(engagementId);
    }

    /**
     * Call after a change of {@code session} (in memory, before it is flushed).
     *
     * @param wasChargeable whether the session was completed or late-cancelled before the change: one
     *                      that becomes so now has just completed, and draws on packages if hours are left
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void changed(TutoringSession session, boolean wasChargeable) {
        PackageMinutes minutes = packages.getIfAvailable();
        if (minutes == null || !settleable(session)) {
            return;
        }
        if (!session.isDrawsOnPackages()) {
            if (wasChargeable || chargeable(session) == 0
                    || minutes.minutesLeft(session.getEngagement().getId()) == 0) {
                return;
            }
            session.drawOnPackages();
        }
        settle(session, minutes);
    }

    /** "Apply package": the session draws on packages from now on, even though it completed before they were paid. */
    @Transactional(propagation = Propagation.MANDATORY)
    int apply(TutoringSession session) {
        PackageMinutes minutes = packages.getIfAvailable();
        if (minutes == null) {
            return 0;
        }
        session.drawOnPackages();
        return settle(session, minutes);
    }

    /** Gives back every minute the session uses, before it is deleted. */
    @Transactional(propagation = Propagation.MANDATORY)
    void release(TutoringSession session) {
        PackageMinutes minutes = packages.getIfAvailable();
        if (minutes != null && session.getPrepaidMinutes() > 0) {
            minutes.settle(session.getId(), session.getEngagement().getId(), 0);
        }
    }

    /** Settles a session again after its packages changed (a payment undone or refunded). */
    @Transactional(propagation = Propagation.MANDATORY)
    void resettle(TutoringSession session) {
        PackageMinutes minutes = packages.getIfAvailable();
        if (minutes != null && settleable(session) && session.isDrawsOnPackages()) {
            settle(session, minutes);
        }
    }

    /** @return whether the session is unbilled or prepaid: an invoiced remainder never changes silently */
    static boolean settleable(TutoringSession session) {
        return session.getBillingState() == BillingState.UNBILLED || session.getBillingState() == BillingState.PREPAID;
    }

    /** @return whether the session, as of now, is one the client pays for (completed or late-cancelled) */
    boolean isChargeable(TutoringSession session) {
        SessionStatus now = session.getStatus().asOf(session.getEndsAt(), clock.instant());
        return now == SessionStatus.COMPLETED || now == SessionStatus.LATE_CANCELLED;
    }

    private int chargeable(TutoringSession session) {
        Instant now = clock.instant();
        return session.chargeableMinutes(session.getStatus().asOf(session.getEndsAt(), now),
                settings.profile().lateCancellation().clientChargePercent());
    }

    private int settle(TutoringSession session, PackageMinutes minutes) {
        int chargeable = chargeable(session);
        int covered = minutes.settle(session.getId(), session.getEngagement().getId(), chargeable);
        session.coverByPackages(covered, chargeable, clock.instant());
        return covered;
    }
}
