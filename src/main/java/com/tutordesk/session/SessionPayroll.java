package com.tutordesk.session;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The session module's API for payroll (issue 16): the sessions a payroll approval is about to
 * lock, read under a row lock. The payroll module decides who may approve and calls this inside its
 * own transaction; this class checks no role.
 *
 * <p>Locking takes {@code SELECT … FOR UPDATE} in id order and raises each session's version, so
 * an edit that read the session before the approval fails its save and, tried again, meets the
 * approval ({@link PayrollLock}) instead of changing approved earnings.
 */
@Service
public class SessionPayroll {

    @PersistenceContext
    private EntityManager em;

    private final Clock clock;

    SessionPayroll(Clock clock) {
        this.clock = clock;
    }

    /**
     * Locks the sessions for the rest of the caller's transaction and returns them as they are now.
     *
     * @return the sessions that still exist, in id order, with their status as of now
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<PayableSession> lockForApproval(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // Always in id order, so that two transactions locking overlapping sets cannot deadlock. The
        // values come from this locking read: a plain read could still see the transaction's older snapshot.
        List<TutoringSession> locked = em.createQuery("select s from TutoringSession s where s.id in :ids order by s.id",
                        TutoringSession.class)
                .setParameter("ids", new TreeSet<>(ids)).setLockMode(LockModeType.PESSIMISTIC_FORCE_INCREMENT)
                .getResultList();
        Map<Long, String> students = names("select st.id, st.name from Student st where st.id in :ids",
                locked.stream().map(TutoringSession::getStudentId).collect(Collectors.toSet()));
        Map<Long, String> subjects = names("select sub.id, sub.name from Subject sub where sub.id in :ids",
                locked.stream().map(TutoringSession::getSubjectId).collect(Collectors.toSet()));
        Instant now = clock.instant();
        return locked.stream().map(s -> new PayableSession(s.getId(), s.getTutorId(), s.getStartsAt(), s.getEndsAt(),
                s.getDurationMinutes(), s.getStatus().asOf(s.getEndsAt(), now), students.get(s.getStudentId()),
                subjects.get(s.getSubjectId()), s.getTutorWageMinor(), s.getTutorEarningsMinor())).toList();
    }

    private Map<Long, String> names(String query, Set<Long> ids) {
        return em.createQuery(query, Object[].class).setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]));
    }
}
