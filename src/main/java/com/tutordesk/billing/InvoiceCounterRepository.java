package com.tutordesk.billing;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InvoiceCounterRepository extends JpaRepository<InvoiceCounter, Long> {

    /** SELECT … FOR UPDATE on the counter row: concurrent issues wait here and take numbers in turn. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from InvoiceCounter c where c.id = :id")
    Optional<InvoiceCounter> lock(long id);
}
