package com.tutordesk.billing;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    /** Loads an invoice and locks its row until the transaction ends (one change at a time). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.id = :id")
    Optional<Invoice> lockById(long id);

    /** @return the sessions among {@code sessionIds} that are already on a non-cancelled invoice */
    @Query("select l.activeSessionId from InvoiceLine l where l.activeSessionId in :sessionIds")
    List<Long> sessionsOnInvoices(java.util.Collection<Long> sessionIds);

    /** @return the non-cancelled invoice lines of these sessions (only drafts hold unbilled sessions) */
    @Query("select l from InvoiceLine l join fetch l.invoice where l.activeSessionId in :sessionIds")
    List<InvoiceLine> activeLinesOf(java.util.Collection<Long> sessionIds);

    /** @return the non-cancelled invoice line of a session, with its invoice */
    @Query("select l from InvoiceLine l join fetch l.invoice where l.activeSessionId = :sessionId")
    Optional<InvoiceLine> activeLineOf(long sessionId);

    /** The family portal's list: a client's invoices that have a number (were issued at some point). */
    List<Invoice> findByClientIdAndNumberIsNotNullOrderByIssueDateDescIdDesc(long clientId);
}
