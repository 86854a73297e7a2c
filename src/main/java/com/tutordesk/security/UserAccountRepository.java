package com.tutordesk.security;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByEmail(String email);

    boolean existsByEmail(String email);

    Optional<UserAccount> findByTutorId(long tutorId);

    Optional<UserAccount> findByClientId(long clientId);

    long countByRoleAndEnabledTrue(Role role);

    @org.springframework.data.jpa.repository.Query("""
            select new com.tutordesk.security.LoginSummary(u.id, u.email, u.displayName, u.role, u.tutorId, u.enabled,
                   u.mustChangePassword, u.createdAt, u.lastLoginAt)
            from UserAccount u
            where (:search = '' or lower(u.email) like :search or lower(u.displayName) like :search)
            """)
    org.springframework.data.domain.Page<LoginSummary> findSummaries(String search,
            org.springframework.data.domain.Pageable pageable);
}
