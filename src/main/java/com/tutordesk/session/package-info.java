/**
 * Tutoring sessions: logged against an engagement with a start (UTC instant plus the IANA zone it
 * was entered in), a duration in minutes, the rates copied from the engagement and the two amounts
 * computed from them (minor units, one HALF_UP rounding), a status, a rating, a session report, an
 * internal note and a billing state. The entity is called {@code TutoringSession} because "Session"
 * clashes with HTTP sessions. Rules: domain.md "Session".
 */
package com.tutordesk.session;
