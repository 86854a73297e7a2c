/**
 * Scheduling (issue 14, domain.md "Schedule"): the calendar of sessions at {@code /schedule} (day,
 * week, month and a by-tutor day view, in the business time zone, DST days 23 or 25 hours long),
 * reminders to families a set number of hours before each scheduled session (a db-scheduler job,
 * through the email outbox, once per session and start), and private iCalendar feeds of a tutor's
 * (or, for admins, every tutor's) sessions at {@code /calendar/{token}.ics}.
 *
 * <p>Moving a session is an edit of the session module ({@code SessionEditingService.reschedule}),
 * with its rules. The calendar, reminder and feed read models join the session, people and subject
 * tables in SQL (one statement per read, no entity graph), scoped to the viewer inside the statement:
 * a week of thousands of sessions is read in one query.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "mail", "security", "session", "session::dialogs", "settings", "shared"})
package com.tutordesk.schedule;
