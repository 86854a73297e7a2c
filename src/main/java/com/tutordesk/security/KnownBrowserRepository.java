package com.tutordesk.security;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface KnownBrowserRepository extends JpaRepository<KnownBrowser, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from KnownBrowser b where b.tokenHash = :tokenHash")
    Optional<KnownBrowser> findForUpdate(String tokenHash);

    /**
     * @return the token hashes of the login's browsers not used since {@code before} (a plain read:
     *         deleting by a range of {@code user_id} instead would lock the index gap that the
     *         login's concurrent sign-ins insert into, and InnoDB answers with deadlocks)
     */
    @Query("select b.tokenHash from KnownBrowser b where b.userId = :userId and b.lastUsedAt < :before"
            + " order by b.tokenHash")
    List<String> findUnusedSince(long userId, Instant before);
}
