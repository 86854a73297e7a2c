package com.tutordesk.directory;

import com.tutordesk.engagement.EngagementChange;
import com.tutordesk.engagement.EngagementService;
import com.tutordesk.people.TutorService;
import com.tutordesk.session.PeopleSessionsService;
import java.util.Collection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Actions of the directory pages that change more than one module, each in one transaction so
 * that nothing is half-done. Permissions are checked by the services it calls.
 */
@Service
public class DirectoryService {

    private final EngagementService engagements;
    private final PeopleSessionsService sessions;
    private final TutorService tutors;

    DirectoryService(EngagementService engagements, PeopleSessionsService sessions, TutorService tutors) {
        this.engagements = engagements;
        this.sessions = sessions;
        this.tutors = tutors;
    }

    /**
     * Saves an engagement's rates and default length and, when asked, re-prices its unbilled
     * sessions with the new rates (domain.md: "Changing a rate never changes sessions that are
     * already invoiced or paid; for unbilled sessions the editor offers 'also apply to N unbilled
     * sessions'"). The rate history notes how many sessions were re-priced.
     *
     * @param applyToUnbilled also re-price the engagement's unbilled sessions
     * @return how many sessions were re-priced (0 when not asked or the rates did not change)
     */
    @Transactional
    public int changeEngagement(long engagementId, long expectedVersion, EngagementChange change,
            boolean applyToUnbilled) {
        Long changeId = engagements.update(engagementId, expectedVersion, change);
        if (!applyToUnbilled || changeId == null) {
            return 0;
        }
        int repriced = sessions.repriceUnbilled(engagementId);
        engagements.recordRepricedSessions(changeId, repriced);
        return repriced;
    }

    /**
     * Deactivates a tutor (and their login) and cancels the chosen upcoming sessions; the others
     * are kept (issue 6: "Deactivating a tutor with future sessions lists them and asks what to do").
     *
     * @param cancelSessionIds upcoming sessions of this tutor to cancel (may be empty)
     * @return how many sessions were cancelled
     */
    @Transactional
    public int deactivateTutor(long tutorId, Collection<Long> cancelSessionIds) {
        tutors.setActive(tutorId, false);
        return sessions.cancelUpcoming(tutorId, cancelSessionIds);
    }
}
