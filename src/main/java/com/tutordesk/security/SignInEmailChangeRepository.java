package com.tutordesk.security;

import org.springframework.data.jpa.repository.JpaRepository;

interface SignInEmailChangeRepository extends JpaRepository<SignInEmailChange, Long> {
}
