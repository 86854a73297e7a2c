package com.tutordesk.prepaid;

import com.tutordesk.session.PackageMinutes;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which session uses which package's minutes (domain.md "Prepaid packages": "uses the available hours,
 * oldest package first"; "deleting or cancelling a session gives its minutes back"). The session module
 * calls it through {@link PackageMinutes} inside the transaction that changes the session, so the
 * minutes and the session's billing state change together or not at all. The packages are locked
 * ({@code SELECT … FOR UPDATE}, in id order) before any minute moves: a second session settling at the
 * same moment waits, then sees what the first one took.
 */
@Component
class PackageLedger implements PackageMinutes {

    private final PrepaidPackageRepository packages;
    private final PackageUsageRepository usages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PackageLedger(PrepaidPackageRepository packages, PackageUsageRepository usages, ApplicationEventPublisher events,
            Clock clock) {
        this.packages = packages;
        this.usages = usages;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int settle(long sessionId, long engagementId, int wantedMinutes) {
        Instant now = clock.instant();
        Map<Long, PrepaidPackage> locked = packages.lockForSettling(engagementId, sessionId).stream()
                .collect(Collectors.toMap(PrepaidPackage::getId, Function.identity()));
        for (PackageUsage usage : usages.findBySessionId(sessionId)) {
            locked.get(usage.getPackageId()).giveBack(usage.getMinutes());
        }
        usages.deleteOfSession(sessionId);
        int covered = 0;
        List<PrepaidPackage> oldestFirst = locked.values().stream()
                .filter(p -> p.getEngagementId() == engagementId && p.getState() == PrepaidPackage.Stored.ACTIVE)
                .sorted(Comparator.comparing(PrepaidPackage::getPaidAt).thenComparing(PrepaidPackage::getId))
                .toList();
        Set<Long> touched = new HashSet<>();
        for (PrepaidPackage p : oldestFirst) {
            if (covered == wantedMinutes) {
                break;
            }
            int taken = p.take(wantedMinutes - covered);
            if (taken > 0) {
                usages.save(new PackageUsage(p.getId(), sessionId, taken, now));
                covered += taken;
                touched.add(p.getId());
            }
        }
        packages.flush();
        if (!touched.isEmpty()) {
            // After commit: the low-balance email, if the business wants one (issue 17, optional).
            events.publishEvent(new PackageMinutesUsed(engagementId, Set.copyOf(touched)));
        }
        return covered;
    }

    @Override
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public int minutesLeft(long engagementId) {
        return Math.toIntExact(packages.minutesLeftOf(engagementId));
    }

    @Override
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Set<Long> engagementsWithMinutesLeft() {
        return Set.copyOf(packages.engagementsWithMinutesLeft());
    }
}
