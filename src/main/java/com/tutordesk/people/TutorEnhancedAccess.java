package com.tutordesk.people;

import com.tutordesk.security.EnhancedAccessLookup;
import com.tutordesk.settings.SettingsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Enhanced Access of a tutor: the tutor's own setting, or else the business default. */
@Component
class TutorEnhancedAccess implements EnhancedAccessLookup {

    private final TutorRepository tutors;
    private final SettingsService settings;

    TutorEnhancedAccess(TutorRepository tutors, SettingsService settings) {
        this.tutors = tutors;
        this.settings = settings;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasEnhancedAccess(long tutorId) {
        return tutors.findById(tutorId)
                .map(tutor -> tutor.getEnhancedAccess() != null
                        ? tutor.getEnhancedAccess()
                        : settings.profile().tutorsEnhancedAccess())
                .orElse(false);
    }
}
