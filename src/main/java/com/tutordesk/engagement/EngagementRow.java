package com.tutordesk.engagement;

/**
 * An engagement as listed on the tutor's and client's pages and as shown on its own page. What
 * the viewer may not see is {@code null}: a tutor without Enhanced Access sees no client rate and
 * no client name (issue 6: "plain tutors see … their engagements' student/subject only").
 *
 * @param id                     engagement id
 * @param tutorId                tutor
 * @param tutorName              tutor's name
 * @param studentId              student
 * @param studentName            student's name
 * @param clientId               client
 * @param clientName             client's name, or {@code null} when hidden
 * @param subjectName            subject
 * @param clientRateMinor        client rate per hour (minor units), or {@code null} when hidden
 * @param tutorWageMinor         tutor wage per hour (minor units)
 * @param currency               ISO 4217 code of the rates
 * @param defaultDurationMinutes default session length in minutes
 * @param active                 active flag
 * @param version                for optimistic locking of the rate form
 */
public record EngagementRow(long id, long tutorId, String tutorName, long studentId, String studentName,
        long clientId, String clientName, String subjectName, Long clientRateMinor, long tutorWageMinor,
        String currency, int defaultDurationMinutes, boolean active, long version) {

    EngagementRow hidingClient() {
        return new EngagementRow(id, tutorId, tutorName, studentId, studentName, clientId, null, subjectName, null,
                tutorWageMinor, currency, defaultDurationMinutes, active, version);
    }

    /** @return e.g. "Liam Chen — Algebra II" */
    public String label() {
        return studentName + " — " + subjectName;
    }
}
