/**
 * Engagements: one tutor + one student (and so one client) + one subject, with the client rate
 * charged per hour, the tutor wage paid per hour (both in minor units) and a default session
 * length. Sessions are logged against an engagement and copy its rates. Rules: domain.md
 * "Engagement".
 */
package com.tutordesk.engagement;
