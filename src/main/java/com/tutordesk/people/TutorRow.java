package com.tutordesk.people;

/**
 * A tutor in the Tutors list.
 *
 * @param id                     tutor id
 * @param name                   name
 * @param email                  contact email
 * @param phone                  phone, or {@code null}
 * @param active                 active flag
 * @param enhancedAccessOverride the tutor's own setting, {@code null} = business default
 * @param loginEmail             the tutor's sign-in email, or {@code null} without a login
 * @param subjects               subjects taught, comma-separated (filled in by the service)
 */
public record TutorRow(long id, String name, String email, String phone, boolean active,
        Boolean enhancedAccessOverride, String loginEmail, String subjects) {

    TutorRow withSubjects(String names) {
        return new TutorRow(id, name, email, phone, active, enhancedAccessOverride, loginEmail, names);
    }
}
