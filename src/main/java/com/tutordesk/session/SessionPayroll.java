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
 * lock, read under a row lock, and the sessions' "tutor pay approved" mark, set when an approval
 * takes them and cleared when it is reopened (an index on it lets payroll find the sessions not yet
 * approved without reading the approved history). The payroll module decides who may approve and
 * calls this inside its own transaction; this class checks no role.
 *
 * <p>Locking takes {@code SELECT … FOR UPDATE} in id order; setting the mark raises each session's
 * version, so an edit that read the session before the approval fails its save and, tried again,
 * meets the approval ({@link PayrollLock}) instead of changing approved earnings.
 */
@Service
public class SessionPayroll {

    private static final int CHUNK = 1_000;

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
        List<TutoringSession> locked = lock(ids);
        Map<Long, String> students = names("select st.id, st.name from Student st where st.id in :ids",
                locked.stream().map(TutoringSession::getStudentId).collect(Collectors.toSet()));
        Map<Long, String> subjects = names("select sub.id, sub.name from Subject sub where sub.id in :ids",
                locked.stream().map(TutoringSession::getSubjectId).collect(Collectors.toSet()));
        Instant now = clock.instant();
        return locked.stream().map(s -> new PayableSession(s.getId(), s.getTutorId(), s.getStartsAt(), s.getEndsAt(),
                s.getDurationMinutes(), s.getStatus().asOf(s.getEndsAt(), now), students.get(s.getStudentId()),
                subjects.get(s.getSubjectId()), s.getTutorWageMinor(), s.getTutorEarningsMinor())).toList();
    }

    /**
     * Marks the sessions' tutor pay approved ({@code true}) or, when their approval is reopened, not
     * ({@code false}), locking them first.
     *
     * @throws IllegalStateException when a session does not exist (an approved one cannot be deleted)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markPayApproved(Collection<Long> ids, boolean approved) {
        if (ids.isEmpty()) {
            return;
        }
        List<TutoringSession> locked = lock(ids);
        if (locked.size() != Set.copyOf(ids).size()) {
            throw new IllegalStateException("Some of the sessions " + ids + " do not exist");
        }
        for (TutoringSession session : locked) {
            session.approvePay(approved);
        }
    }

    /** Locks in ascending id order, a thousand at a time (a period's approval may take tens of thousands). */
    private List<TutoringSession> lock(Collection<Long> ids) {
        List<Long> ordered = List.copyOf(new TreeSet<>(ids));
        List<TutoringSession> locked = new java.util.ArrayList<>(ordered.size());
        for (int from = 0; from < ordered.size(); from += CHUNK) {
            locked.addAll(em.createQuery("select s from TutoringSession s where s.id in :ids order by s.id",
                            TutoringSession.class)
                    .setParameter("ids", ordered.subList(from, Math.min(ordered.size(), from + CHUNK)))
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
        }
        return locked;
    }

    private Map<Long, String> names(String query, Set<Long> ids) {
        Map<Long, String> names = new java.util.HashMap<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            for (Object[] row : em.createQuery(query, Object[].class)
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + CHUNK))).getResultList()) {
                names.put((Long) row[0], (String) row[1]);
            }
        }
        return names;
    }
}
