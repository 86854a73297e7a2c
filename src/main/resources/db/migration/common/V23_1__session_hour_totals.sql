-- Counts and sums of sessions per UTC hour of start and per what the sessions list filters on
-- (issues 19 and 20): the list's footer and the dashboard read a few thousand rows here instead of
-- counting a million sessions. Kept in the same transaction as every write to tutoring_sessions by
-- the session module (SessionHourTotals); a UTC hour, not a business day, so that a change of the
-- business time zone changes nothing here (a day in a zone with a half-hour offset reads its two
-- partial hours from the sessions themselves).
--   utc_hour:      whole hours from 2000-01-01 00:00 UTC to the start
--   status:        stored status (a scheduled session whose end has passed is corrected at read time)
--   report_state:  NONE, WRITTEN or SENT (as the list's Report filter reads it)
--   billable:      something to invoice: client amount less the part prepaid packages cover above 0
CREATE TABLE session_hour_totals (
    utc_hour             INT         NOT NULL,
    status               VARCHAR(20) NOT NULL,
    billing_state        VARCHAR(16) NOT NULL,
    report_state         VARCHAR(8)  NOT NULL,
    billable             BOOLEAN     NOT NULL,
    sessions             BIGINT      NOT NULL,
    minutes              BIGINT      NOT NULL,
    client_amount_minor  BIGINT      NOT NULL,
    tutor_earnings_minor BIGINT      NOT NULL,
    prepaid_amount_minor BIGINT      NOT NULL,
    PRIMARY KEY (utc_hour, status, billing_state, report_state, billable)
);

INSERT INTO session_hour_totals (utc_hour, status, billing_state, report_state, billable, sessions, minutes,
                                 client_amount_minor, tutor_earnings_minor, prepaid_amount_minor)
SELECT timestampdiff(HOUR, '2000-01-01 00:00:00', starts_at), status, billing_state,
       CASE WHEN report_sent_at IS NOT NULL THEN 'SENT' WHEN report IS NULL THEN 'NONE' ELSE 'WRITTEN' END,
       client_amount_minor - prepaid_amount_minor > 0, count(*), sum(duration_minutes), sum(client_amount_minor),
       sum(tutor_earnings_minor), sum(prepaid_amount_minor)
FROM tutoring_sessions
GROUP BY timestampdiff(HOUR, '2000-01-01 00:00:00', starts_at), status, billing_state,
         CASE WHEN report_sent_at IS NOT NULL THEN 'SENT' WHEN report IS NULL THEN 'NONE' ELSE 'WRITTEN' END,
         client_amount_minor - prepaid_amount_minor > 0;

-- Per client, the sessions unbilled by what is stored (billable, completed or late-cancelled, on no
-- invoice) and their billable amounts, kept by the same writes: "clients to invoice" counts the rows above 0 instead of reading
-- every session (scheduled sessions that have ended but are not promoted yet are added at read time).
CREATE TABLE client_unbilled_totals (
    client_id           BIGINT NOT NULL PRIMARY KEY,
    sessions            BIGINT NOT NULL,
    client_amount_minor BIGINT NOT NULL
);

INSERT INTO client_unbilled_totals (client_id, sessions, client_amount_minor)
SELECT client_id, count(*), sum(client_amount_minor - prepaid_amount_minor)
FROM tutoring_sessions
WHERE billing_state = 'UNBILLED' AND client_amount_minor - prepaid_amount_minor > 0
  AND status IN ('COMPLETED', 'LATE_CANCELLED')
GROUP BY client_id;
