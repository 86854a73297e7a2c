-- Sessions and minutes per stored status, business week and tutor (issue 19: the dashboard's
-- "sessions per week by tutor" for 12 weeks counted up to 460,000 sessions at a million, 1.4 s).
-- Kept in the same transaction as every write to tutoring_sessions by the session module
-- (SessionHourTotals, with the hour totals of V23_1). A week starts on the business-local date given by
-- the business time zone and the locale's first day of the week (business_settings.time_zone, .locale),
-- so a change of either rebuilds this table in the settings' transaction; V26_2 fills it.
CREATE TABLE tutor_week_totals (
    status     VARCHAR(20) NOT NULL,
    week_start DATE        NOT NULL,
    tutor_id   BIGINT      NOT NULL,
    sessions   BIGINT      NOT NULL,
    minutes    BIGINT      NOT NULL,
    PRIMARY KEY (status, week_start, tutor_id)
);
