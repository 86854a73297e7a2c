package com.tutordesk.people;

import com.tutordesk.security.TutorActiveLookup;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Whether a tutor is active, for the security module's logins. */
@Component
class TutorActive implements TutorActiveLookup {

    private final TutorRepository tutors;

    TutorActive(TutorRepository tutors) {
        this.tutors = tutors;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isActive(long tutorId) {
        return tutors.findById(tutorId).map(Tutor::isActive).orElse(false);
    }
}
