package com.tutordesk.people;

/**
 * A subject in the Subjects list.
 *
 * @param id          subject id
 * @param name        e.g. "Algebra II"
 * @param active      inactive subjects are kept for history but offered nowhere
 * @param tutors      tutors who teach it
 * @param engagements engagements in it (filled in by the service)
 * @param version     for optimistic locking of rename/deactivate
 */
public record SubjectRow(long id, String name, boolean active, long tutors, long engagements, long version) {

    SubjectRow withEngagements(long count) {
        return new SubjectRow(id, name, active, tutors, count, version);
    }

    /** @return whether nothing refers to the subject, so it may be deleted */
    public boolean deletable() {
        return tutors == 0 && engagements == 0;
    }
}
