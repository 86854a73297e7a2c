package com.tutordesk.people;

import java.util.Set;

/**
 * What the tutor form edits.
 *
 * @param name           required, at most {@link Tutor#NAME_MAX_LENGTH} characters
 * @param email          contact email, required, unique among tutors
 * @param phone          optional, lenient phone format
 * @param subjectIds     subjects taught (active subjects)
 * @param enhancedAccess {@code null} = the business default, else on/off for this tutor
 */
public record TutorForm(String name, String email, String phone, Set<Long> subjectIds, Boolean enhancedAccess) {
}
