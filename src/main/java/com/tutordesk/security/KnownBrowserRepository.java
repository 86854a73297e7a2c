package com.tutordesk.security;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface KnownBrowserRepository extends JpaRepository<KnownBrowser, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from KnownBrowser b where b.tokenHash = :tokenHash")
    Optional<KnownBrowser> findForUpdate(String tokenHash);

    /** Forgets browsers not used for a long time (a cookie older than its lifetime is gone anyway). */
    @Modifying
    @Query("delete from KnownBrowser b where b.userId = :userId and b.lastUsedAt < :before")
    int deleteUnusedSince(long userId, Instant before);
}
