package com.tutordesk.session;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SessionHistoryRepository extends JpaRepository<SessionHistoryEntry, Long> {

    List<SessionHistoryEntry> findBySessionIdOrderByOccurredAtDescIdDesc(long sessionId);
}
