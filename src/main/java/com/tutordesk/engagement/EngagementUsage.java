package com.tutordesk.engagement;

/**
 * How many sessions are logged on an engagement, so that an engagement with sessions is
 * deactivated, never deleted. Declared here, implemented by the session module (engagements must
 * not depend on sessions).
 */
public interface EngagementUsage {

    /** @return sessions logged on the engagement, any status */
    long sessionsOf(long engagementId);
}
