/**
 * Dashboard and reports (issue 19; rules: domain.md "Dashboard"): the admin's Home figures — this
 * month against last month (sessions delivered, hours, revenue, tutor costs, gross margin), the
 * Payments page's Overdue, Outstanding and Unbilled (read from {@link com.tutordesk.billing.PaymentsService},
 * one definition), a to-do list —; the tutor's Home (their week from the schedule module, sessions
 * waiting for a report, earnings in the current pay period from payroll); charts drawn on the server
 * as SVG (JFreeChart into JFreeSVG) with their numbers as a table and CSV; and the Reports page
 * ({@code /reports}): revenue by client, tutor or subject for a date range, and tutor utilisation.
 *
 * <p>Every figure is summed in the database, one statement per figure or chart, grouped by business
 * month or week (bucket boundaries computed in Java in the business zone, so DST days count right)
 * over the indexed start time: no session is read into memory. These read models join the session,
 * people, payment-attempt and outbox tables in SQL because a dashboard is by nature a cross-module
 * aggregate; they never write.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"billing", "payroll", "schedule", "security",
        "session", "settings", "shared"})
package com.tutordesk.dashboard;
