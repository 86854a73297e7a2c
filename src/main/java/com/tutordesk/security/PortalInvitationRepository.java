package com.tutordesk.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import jakarta.persistence.LockModeType;

interface PortalInvitationRepository extends JpaRepository<PortalInvitation, Long> {

    /** The invitation of a link, its row locked so that two clicks on it cannot both set a password. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from PortalInvitation i where i.link.tokenHash = :tokenHash")
    Optional<PortalInvitation> lockByTokenHash(String tokenHash);

    @Query("select i from PortalInvitation i where i.link.tokenHash = :tokenHash")
    Optional<PortalInvitation> findByTokenHash(String tokenHash);

    @Query("select i from PortalInvitation i where i.clientId = :clientId and i.link.usedAt is null and i.link.revokedAt is null")
    List<PortalInvitation> findOpenByClientId(long clientId);

    Optional<PortalInvitation> findFirstByClientIdOrderByLinkCreatedAtDescIdDesc(long clientId);
}
