package com.tutordesk.schedule;

/**
 * What the calendar is narrowed to; each part optional ({@code null} = any). A tutor's calendar stays
 * limited to their own sessions whatever it says: the service adds that condition.
 *
 * @param tutorId   one tutor
 * @param studentId one student
 * @param clientId  one client
 */
public record CalendarFilter(Long tutorId, Long studentId, Long clientId) {

    public static final CalendarFilter NONE = new CalendarFilter(null, null, null);
}
