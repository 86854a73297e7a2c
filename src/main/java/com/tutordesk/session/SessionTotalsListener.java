package com.tutordesk.session;

import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Entity listener of {@link TutoringSession} that tells {@link SessionHourTotals} what each flushed
 * insert, update and delete changes. A session remembers what it is counted as from the moment it is
 * loaded or written, so an update subtracts the old contribution and adds the new one. Created by
 * Hibernate through Spring (Spring Boot's bean container), which injects the totals.
 */
class SessionTotalsListener {

    // Looked up at the first write: the totals need the entity manager factory, which creates this listener.
    private final ObjectProvider<SessionHourTotals> totalsProvider;

    SessionTotalsListener(ObjectProvider<SessionHourTotals> totals) {
        this.totalsProvider = totals;
    }

    @PostLoad
    void loaded(TutoringSession session) {
        session.countedAs(SessionHourTotals.Counted.of(session));
    }

    @PostPersist
    void inserted(TutoringSession session) {
        SessionHourTotals.Counted now = SessionHourTotals.Counted.of(session);
        totalsProvider.getObject().changed(null, now);
        session.countedAs(now);
    }

    @PostUpdate
    void updated(TutoringSession session) {
        SessionHourTotals.Counted before = session.countedAs();
        if (before == null) {
            // Every managed session was loaded or persisted first; without what it was counted as, the
            // totals would drift, so the write fails instead.
            throw new IllegalStateException("Session " + session.getId() + " was updated without a loaded state");
        }
        SessionHourTotals.Counted now = SessionHourTotals.Counted.of(session);
        totalsProvider.getObject().changed(before, now);
        session.countedAs(now);
    }

    @PostRemove
    void deleted(TutoringSession session) {
        if (session.countedAs() == null) {
            throw new IllegalStateException("Session " + session.getId() + " was deleted without a loaded state");
        }
        totalsProvider.getObject().changed(session.countedAs(), null);
        session.countedAs(null);
    }
}
