package com.tutordesk.payroll;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * Tutor pay rows for changing them. Every finder raises the row's version when its transaction
 * commits (even when only an adjustment changes), so that two changes of the same pay based on
 * the same reading cannot both succeed.
 */
interface TutorPayRepository extends JpaRepository<TutorPay, Long> {

    @Lock(LockModeType.OPTIMISTIC_FORCE_INCREMENT)
    @Query("select p from TutorPay p where p.tutorId = :tutorId and p.periodStart = :periodStart")
    Optional<TutorPay> findByTutorIdAndPeriodStart(long tutorId, LocalDate periodStart);

    @Lock(LockModeType.OPTIMISTIC_FORCE_INCREMENT)
    @Query("select p from TutorPay p where p.periodStart = :periodStart order by p.tutorId")
    List<TutorPay> findByPeriodStart(LocalDate periodStart);

    @Lock(LockModeType.OPTIMISTIC_FORCE_INCREMENT)
    @Query("select p from TutorPay p where p.id = :id")
    Optional<TutorPay> findForChange(long id);

    @Lock(LockModeType.OPTIMISTIC_FORCE_INCREMENT)
    @Query("select a.pay from PayAdjustment a where a.id = :adjustmentId")
    Optional<TutorPay> findByAdjustmentId(long adjustmentId);
}
