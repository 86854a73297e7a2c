package com.tutordesk.session;

import com.tutordesk.people.NameChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the sessions' name sort keys (V26_3: {@code sort_student_name}, {@code sort_client_name},
 * {@code sort_tutor_name}, {@code sort_subject_name}) equal to the names they copy. A session takes them
 * when it is logged or moved to another engagement ({@link TutoringSession}); a rename rewrites them here,
 * in the rename's transaction, so a list sorted by a name is never sorted by an old one after the commit.
 * Issue 20: a first page sorted by a name over a million sessions read 50 index entries instead of
 * sorting every joined row (509 ms).
 */
@Component
public class SessionSortKeys {

    private final JdbcTemplate jdbc;

    SessionSortKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Copies every session's names from the people tables, in the caller's transaction if any: for
     * writes that went around the entity (the demo loader's batch inserts, tests that insert rows with
     * SQL), as {@link SessionHourTotals#recount} is for the totals.
     */
    public static void copyAll(JdbcTemplate jdbc) {
        jdbc.update(COPY_NAMES);
    }

    /** Copies each session's four names from the people tables; append a WHERE to narrow it. */
    static final String COPY_NAMES = """
            update tutoring_sessions
            set sort_student_name = (select st.name from students st where st.id = tutoring_sessions.student_id),
                sort_client_name = (select c.name from clients c where c.id = tutoring_sessions.client_id),
                sort_tutor_name = (select t.name from tutors t where t.id = tutoring_sessions.tutor_id),
                sort_subject_name = (select sub.name from subjects sub where sub.id = tutoring_sessions.subject_id)
            """;

    @EventListener
    void renamed(NameChanged change) {
        String column = switch (change.kind()) {
            case TUTOR -> "sort_tutor_name = ? where tutor_id = ?";
            case CLIENT -> "sort_client_name = ? where client_id = ?";
            case STUDENT -> "sort_student_name = ? where student_id = ?";
            case SUBJECT -> "sort_subject_name = ? where subject_id = ?";
        };
        jdbc.update("update tutoring_sessions set " + column, change.name(), change.id());
    }
}
