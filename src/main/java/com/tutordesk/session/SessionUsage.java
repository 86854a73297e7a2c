package com.tutordesk.session;

import com.tutordesk.engagement.EngagementService;
import com.tutordesk.engagement.EngagementUsage;
import com.tutordesk.settings.RecordedActivity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells lower modules what sessions exist: the engagement module (an engagement with sessions is
 * deactivated, never deleted) and the settings module (a change of zone or currency is confirmed
 * once sessions exist).
 */
@Component
class SessionUsage implements EngagementUsage, RecordedActivity {

    private final PeopleSessionRepository sessions;
    private final EngagementService engagements;

    SessionUsage(PeopleSessionRepository sessions, EngagementService engagements) {
        this.sessions = sessions;
        this.engagements = engagements;
    }

    @Override
    @Transactional(readOnly = true)
    public long sessionsOf(long engagementId) {
        return sessions.countOfEngagement(engagementId);
    }

    @Override
    @Transactional(readOnly = true)
    public long sessionCount() {
        return sessions.count();
    }

    @Override
    @Transactional(readOnly = true)
    public long engagementCount() {
        return engagements.count();
    }
}
