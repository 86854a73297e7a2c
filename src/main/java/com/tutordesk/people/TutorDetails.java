package com.tutordesk.people;

import java.time.Instant;
import java.util.List;

/**
 * A tutor's page.
 *
 * @param id                     tutor id
 * @param name                   name
 * @param email                  contact email
 * @param phone                  phone, or {@code null}
 * @param active                 active flag
 * @param enhancedAccessOverride the tutor's own setting, {@code null} = business default
 * @param enhancedAccess         Enhanced Access in effect (override, else the business default)
 * @param subjects               subjects taught, by name
 * @param createdAt              when the tutor was added (UTC)
 * @param version                for optimistic locking of the form
 */
public record TutorDetails(long id, String name, String email, String phone, boolean active,
        Boolean enhancedAccessOverride, boolean enhancedAccess, List<SubjectRef> subjects, Instant createdAt,
        long version) {

    /** A subject's id and name. */
    public record SubjectRef(long id, String name, boolean active) {
    }
}
