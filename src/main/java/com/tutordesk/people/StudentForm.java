package com.tutordesk.people;

/**
 * What the student form edits (domain.md "Student").
 *
 * @param name       required, unique within the client
 * @param gradeLevel optional, e.g. "Grade 9", "College"
 * @param email      optional own email
 * @param notes      optional notes for the office and tutors
 */
public record StudentForm(String name, String gradeLevel, String email, String notes) {
}
