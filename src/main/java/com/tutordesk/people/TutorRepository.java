package com.tutordesk.people;

import org.springframework.data.jpa.repository.JpaRepository;

interface TutorRepository extends JpaRepository<Tutor, Long> {
}
