/**
 * Tutoring sessions: logged against an engagement with a start (UTC instant plus the IANA zone it
 * was entered in), a duration in minutes, the rates copied from the engagement and the two amounts
 * computed from them (minor units, one HALF_UP rounding), a status, a rating, a session report, an
 * internal note and a billing state. The entity is called {@code TutoringSession} because "Session"
 * clashes with HTTP sessions. Rules: domain.md "Session".
 *
 * <p>The session page (issue 5) reads through {@link com.tutordesk.session.SessionViewService}
 * and changes a session through {@link com.tutordesk.session.SessionReportService} (rating,
 * report, internal note, "Save and Send report" through the email outbox) and
 * {@link com.tutordesk.session.SessionEditingService} (Edit Session, Late Cancellation and its
 * undo, Delete). Both refuse a change based on a page someone else has changed since
 * ({@link com.tutordesk.session.SessionChangedException}) and record every change in the
 * session's history. The billing module tells which invoice a session is on through
 * {@link com.tutordesk.session.InvoiceLookup}; the payroll module tells whose tutor pay is approved
 * through {@link com.tutordesk.session.PayrollLock} and locks sessions for an approval through
 * {@link com.tutordesk.session.SessionPayroll}.
 */
package com.tutordesk.session;
