package com.tutordesk.dashboard;

import java.time.LocalDate;

/**
 * Sessions one tutor delivered in one business week (a bar segment of the weekly chart).
 *
 * @param weekStart first day of the week (the business locale's first day of week)
 * @param tutorId   the tutor
 * @param tutorName their name
 * @param sessions  completed sessions that started in that week
 * @param minutes   their booked minutes
 */
public record WeekTutorSessions(LocalDate weekStart, long tutorId, String tutorName, long sessions, long minutes) {
}
