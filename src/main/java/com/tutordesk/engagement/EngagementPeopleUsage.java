package com.tutordesk.engagement;

import com.tutordesk.people.PeopleUsage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the people module which tutors, students, clients and subjects engagements refer to. */
@Component
class EngagementPeopleUsage implements PeopleUsage {

    private final EngagementRepository engagements;

    EngagementPeopleUsage(EngagementRepository engagements) {
        this.engagements = engagements;
    }

    @Override
    @Transactional(readOnly = true)
    public long engagementsOfTutor(long tutorId) {
        return engagements.countByTutorId(tutorId);
    }

    @Override
    @Transactional(readOnly = true)
    public long engagementsOfStudent(long studentId) {
        return engagements.countByStudentId(studentId);
    }

    @Override
    @Transactional(readOnly = true)
    public long engagementsOfClient(long clientId) {
        return engagements.countByClientId(clientId);
    }

    @Override
    @Transactional(readOnly = true)
    public long engagementsOfSubject(long subjectId) {
        return engagements.countBySubjectId(subjectId);
    }
}
