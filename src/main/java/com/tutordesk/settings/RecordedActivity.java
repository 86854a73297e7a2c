package com.tutordesk.settings;

/**
 * How much the business has already recorded in its time zone and currency, so that the Settings
 * page can say what a change of zone or currency affects. Declared here and implemented by the
 * session module (settings must not depend on sessions).
 */
public interface RecordedActivity {

    /** @return tutoring sessions recorded, any status */
    long sessionCount();

    /** @return engagements, each with hourly rates in minor units of the business currency */
    long engagementCount();
}
