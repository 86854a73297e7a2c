-- Sort keys for the sessions list (issue 20: "sorting by a name over a million rows: a first page
-- <= 50 ms"): the student's, client's, tutor's and subject's names copied onto each session and indexed
-- with the id, so that a page sorted by a name reads 50 index entries instead of sorting a million
-- joined rows (509 ms). Written with the session (TutoringSession) and rewritten when a name changes
-- (people.NameChanged, in the rename's transaction). Display still joins the people tables.
ALTER TABLE tutoring_sessions ADD COLUMN sort_student_name VARCHAR(120) NOT NULL DEFAULT '';
ALTER TABLE tutoring_sessions ADD COLUMN sort_client_name VARCHAR(120) NOT NULL DEFAULT '';
ALTER TABLE tutoring_sessions ADD COLUMN sort_tutor_name VARCHAR(120) NOT NULL DEFAULT '';
ALTER TABLE tutoring_sessions ADD COLUMN sort_subject_name VARCHAR(80) NOT NULL DEFAULT '';

UPDATE tutoring_sessions
SET sort_student_name = (SELECT st.name FROM students st WHERE st.id = tutoring_sessions.student_id),
    sort_client_name  = (SELECT c.name FROM clients c WHERE c.id = tutoring_sessions.client_id),
    sort_tutor_name   = (SELECT t.name FROM tutors t WHERE t.id = tutoring_sessions.tutor_id),
    sort_subject_name = (SELECT sub.name FROM subjects sub WHERE sub.id = tutoring_sessions.subject_id);

CREATE INDEX ix_sessions_sort_student ON tutoring_sessions (sort_student_name, id);
CREATE INDEX ix_sessions_sort_client ON tutoring_sessions (sort_client_name, id);
CREATE INDEX ix_sessions_sort_tutor ON tutoring_sessions (sort_tutor_name, id);
CREATE INDEX ix_sessions_sort_subject ON tutoring_sessions (sort_subject_name, id);
