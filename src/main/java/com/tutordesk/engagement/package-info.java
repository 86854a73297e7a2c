/**
 * Engagements: one tutor + one student (and so one client) + one subject, with the client rate
 * charged per hour, the tutor wage paid per hour (both in minor units) and a default session
 * length. Sessions are logged against an engagement and copy its rates. Rules: domain.md
 * "Engagement".
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "people", "security", "settings", "shared"})
package com.tutordesk.engagement;
