package com.tutordesk.people;

/**
 * Who refers to a person or subject from outside this module, so that a record in use is
 * deactivated and never deleted (issue 6). Declared here, implemented by the engagement module
 * (people must not depend on engagements). Sessions always belong to an engagement, so counting
 * engagements covers sessions too.
 */
public interface PeopleUsage {

    /** @return engagements taught by the tutor */
    long engagementsOfTutor(long tutorId);

    /** @return engagements of the student */
    long engagementsOfStudent(long studentId);

    /** @return engagements of any of the client's students */
    long engagementsOfClient(long clientId);

    /** @return engagements in the subject */
    long engagementsOfSubject(long subjectId);
}
