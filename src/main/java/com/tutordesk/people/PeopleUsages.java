package com.tutordesk.people;

import org.springframework.beans.factory.ObjectProvider;

/** Reads {@link PeopleUsage}; with no implementation (module tests) nothing is in use elsewhere. */
final class PeopleUsages {

    private static final PeopleUsage NONE = new PeopleUsage() {
        @Override
        public long engagementsOfTutor(long tutorId) {
            return 0;
        }

        @Override
        public long engagementsOfStudent(long studentId) {
            return 0;
        }

        @Override
        public long engagementsOfClient(long clientId) {
            return 0;
        }

        @Override
        public long engagementsOfSubject(long subjectId) {
            return 0;
        }
    };

    private PeopleUsages() {
    }

    static PeopleUsage of(ObjectProvider<PeopleUsage> provider) {
        return provider.getIfAvailable(() -> NONE);
    }

    /** @return e.g. "2 tutors, 1 engagement" */
    static String uses(long others, String otherNoun, long engagements) {
        StringBuilder text = new StringBuilder();
        if (others > 0) {
            text.append(others).append(' ').append(otherNoun).append(others == 1 ? "" : "s");
        }
        if (engagements > 0) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(engagements).append(engagements == 1 ? " engagement" : " engagements");
        }
        return text.toString();
    }
}
