package com.tutordesk.people;

/**
 * A student as listed on the client page.
 *
 * @param id         student id
 * @param clientId   the client the student belongs to
 * @param clientName the client's name
 * @param name       name
 * @param gradeLevel grade or level, or {@code null}
 * @param email      own email, or {@code null}
 * @param notes      notes, or {@code null}
 * @param active     active flag
 * @param version    for optimistic locking of the form
 * @param deletable  whether nothing refers to the student (no engagements), so it may be deleted
 */
public record StudentRow(long id, long clientId, String clientName, String name, String gradeLevel, String email,
        String notes, boolean active, long version, boolean deletable) {

    StudentRow withDeletable(boolean value) {
        return new StudentRow(id, clientId, clientName, name, gradeLevel, email, notes, active, version, value);
    }

    /** @return the form values */
    public StudentForm form() {
        return new StudentForm(name, gradeLevel, email, notes);
    }
}
