package com.tutordesk.security;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ClientEmailChangeRepository extends JpaRepository<ClientEmailChange, Long> {

    /** The request of a link, its row locked so that two clicks on it cannot both apply it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ClientEmailChange c where c.link.tokenHash = :tokenHash")
    Optional<ClientEmailChange> lockByTokenHash(String tokenHash);

    @Query("select c from ClientEmailChange c where c.link.tokenHash = :tokenHash")
    Optional<ClientEmailChange> findByTokenHash(String tokenHash);

    @Query("select c from ClientEmailChange c where c.clientId = :clientId and c.link.usedAt is null"
            + " and c.link.revokedAt is null")
    List<ClientEmailChange> findOpenByClientId(long clientId);

    Optional<ClientEmailChange> findFirstByClientIdOrderByLinkCreatedAtDescIdDesc(long clientId);
}
