package com.tutordesk.session;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Whose tutor earnings a payroll approval has locked (domain.md "Payroll": "Approval locks the tutor
 * earnings of those sessions: changing them is refused with a message naming the period"). Declared
 * here and implemented by the payroll module, so that the session module never depends on payroll
 * (as with {@link InvoiceLookup} for billing). {@link SessionGuard} asks it before an edit, a late
 * cancellation, its undo or a delete is saved; {@link PeopleSessionsService} before re-pricing.
 */
public interface PayrollLock {

    /**
     * What an approval fixed for one session.
     *
     * @param periodLabel        the approved pay period the session is paid in, e.g. "Nov 1, 2026 – Nov 15, 2026"
     * @param tutorId            the tutor it is paid to
     * @param tutorEarningsMinor the approved tutor earnings, minor units
     * @param periodFrom         start (inclusive, UTC) of the pay period the session's start falls in
     * @param periodTo           end (exclusive, UTC) of that pay period
     */
    record ApprovedPay(String periodLabel, long tutorId, long tutorEarningsMinor, Instant periodFrom,
            Instant periodTo) {

        /**
         * @return whether a session with these values would be paid exactly as approved: same tutor,
         *         same earnings, and a start in the same pay period
         */
        public boolean keeps(long tutorId, long tutorEarningsMinor, Instant startsAt) {
            return this.tutorId == tutorId && this.tutorEarningsMinor == tutorEarningsMinor
                    && !startsAt.isBefore(periodFrom) && startsAt.isBefore(periodTo);
        }
    }

    /** @return what an approved (or paid) pay run fixed for this session, if any */
    Optional<ApprovedPay> approvedPayOf(long sessionId);

    /** @return those of {@code sessionIds} whose tutor earnings are in an approved (or paid) pay run */
    Set<Long> approvedAmong(Collection<Long> sessionIds);
}
