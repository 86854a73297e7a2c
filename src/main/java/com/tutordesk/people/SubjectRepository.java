package com.tutordesk.people;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubjectRepository extends JpaRepository<Subject, Long> {
}
