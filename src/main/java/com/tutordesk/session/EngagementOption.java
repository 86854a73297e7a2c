package com.tutordesk.session;

/**
 * An engagement as the Log Session dialog offers it: "Student — Subject (Client)".
 *
 * @param id                     engagement id
 * @param tutorId                its tutor
 * @param studentName            student
 * @param subjectName            subject
 * @param clientName             client with its billing contact ({@link com.tutordesk.people.ClientLabel})
 * @param defaultDurationMinutes default session length
 * @param clientRateMinor        client rate per hour (minor units), or {@code null} when hidden from the viewer
 * @param tutorWageMinor         tutor wage per hour (minor units)
 */
public record EngagementOption(long id, long tutorId, String studentName, String subjectName, String clientName,
        int defaultDurationMinutes, Long clientRateMinor, long tutorWageMinor) {

    /** @return e.g. "Łucja Kowalska — Algebra II (Kowalska family · Anna Kowalska)" */
    public String label() {
        return studentName + " — " + subjectName + " (" + clientName + ")";
    }
}
