package com.tutordesk.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.testing.HourTotalsCheck;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 20: the hour totals behind the sessions list's footer (and the dashboard) equal a full recount
 * of the sessions after a random mix of every kind of write — logging (past, future, cancelled),
 * editing date, time, duration and cancellation, late cancellation and its undo, deletion, reports
 * saved and sent, invoicing, payment and their undoing, and scheduled sessions completed by the
 * promoter (with the clock moved back afterwards, so completed sessions lie in the future).
 */
@IntegrationTest
class SessionHourTotalsIT {

    @Autowired
    SessionLoggingService logging;
    @Autowired
    SessionEditingService editing;
    @Autowired
    SessionReportService reports;
    @Autowired
    SessionBilling billing;
    @Autowired
    SessionStatusPromoter promoter;
    @Autowired
    SessionListService list;
    @Autowired
    SessionHourTotals hourTotals;
    @Autowired
    SettingsService settings;
    @Autowired
    TutorWeekTotals tutorWeeks;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SignIn signIn;
    @Autowired
    TestClock clock;
    @Autowired
    PlatformTransactionManager transactionManager;

    SessionWorld world;

    @BeforeEach
    void setUp() {
        world = new SessionWorld(data, jdbc, false);
        signIn.as(world.adminEmail);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        clock.reset();
        // Completed sessions in the future exist only because this test moved the clock back; other tests
        // on the shared database count "delivered" by status alone, so they go back to scheduled.
        jdbc.update("update tutoring_sessions set status = 'SCHEDULED' where engagement_id = ? and status = 'COMPLETED'"
                + " and starts_at > ?", world.engagementId, TestData.utc(clock.instant()));
        SessionHourTotals.recount(jdbc);
    }

    @Test
    void after_three_hundred_random_writes_the_hour_totals_equal_a_full_recount_and_every_footer_equals_a_live_count() {
        Random random = new Random(20);
        ZoneId zone = settings.profile().zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<Long> ids = new ArrayList<>();
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        int writes = 0;
        int done = 0;
        while (writes < 300) {
            int kind = ids.isEmpty() ? 0 : random.nextInt(10);
            long id = ids.isEmpty() ? 0 : ids.get(random.nextInt(ids.size()));
            try {
                switch (kind) {
                    case 0, 1 -> ids.add(logging.logSession(new LogSessionRequest(world.engagementId,
                            today.plusDays(random.nextInt(40) - 25), randomTime(random), 15 + 15 * random.nextInt(8),
                            null, random.nextInt(6) == 0 ? Cancellation.IN_TIME : Cancellation.NONE,
                            "hour-totals-" + random.nextLong())));
                    case 2 -> editing.edit(new EditSessionRequest(id, version(id), world.engagementId,
                            today.plusDays(random.nextInt(40) - 25), randomTime(random), 15 + 15 * random.nextInt(8),
                            null, random.nextInt(5) == 0));
                    case 3 -> editing.lateCancel(id, version(id));
                    case 4 -> editing.undoLateCancellation(id, version(id));
                    case 5 -> {
                        editing.delete(id, version(id));
                        ids.remove(id);
                    }
                    case 6 -> {
                        if (random.nextBoolean()) {
                            reports.save(id, version(id), new SessionNotes(1 + random.nextInt(5), "Report " + writes, null));
                        } else {
                            reports.saveAndSend(id, version(id), new SessionNotes(4, "Sent report " + writes, null));
                        }
                    }
                    case 7 -> tx.executeWithoutResult(s -> {
                        switch (BillingState.valueOf((String) world.column(id, "billing_state"))) {
                            case UNBILLED -> billing.markInvoiced(List.of(id));
                            case INVOICED -> {
                                if (random.nextBoolean()) {
                                    billing.markPaid(List.of(id));
                                } else {
                                    billing.markUnbilled(List.of(id));
                                }
                            }
                            case PAID -> billing.markUnpaid(List.of(id));
                            default -> throw new IllegalStateException("not stored");
                        }
                    });
                    case 8 -> {
                        // The promoter at a later clock completes scheduled sessions; back at the test's clock
                        // some completed sessions start in the future (the correction the totals need).
                        clock.advance(Duration.ofDays(random.nextInt(5)));
                        promoter.completeEndedSessions();
                        clock.reset();
                    }
                    default -> reports.save(id, version(id), new SessionNotes(null, null, "Note " + writes));
                }
                writes++;
                done++;
            } catch (RuntimeException refused) {
                // Refusals (an invoiced session edited, an undo with nothing to undo, a conflict) are part
                // of the mix: they must leave the totals as they were, which the checks below show.
                writes++;
            }
        }

        assertThat(done).as("writes that went through").isGreaterThan(200);
        HourTotalsCheck.assertAgreeWithSessions(jdbc);
        BillingState.SqlCondition unbilledNow = BillingState.UNBILLED.sql(clock.instant());
        assertThat(hourTotals.clientsWithUnbilledSessions(clock.instant())).isEqualTo(jdbc.queryForObject(
                "select count(distinct s.client_id) from tutoring_sessions s where " + unbilledNow.sql(), Long.class,
                unbilledNow.params().toArray()));

        Instant now = clock.instant();
        assertDeliveredPerWeekEqualsALiveCount(now);
        for (SessionFilter filter : filters(today)) {
            SessionListSql.Where where = SessionListSql.where(filter, null, zone, now);
            Map<String, Object> live = jdbc.queryForMap("select count(*) as n, coalesce(sum(s.duration_minutes), 0) as m,"
                    + " coalesce(sum(s.client_amount_minor), 0) as c, coalesce(sum(s.tutor_earnings_minor), 0) as t,"
                    + " coalesce(sum(s.prepaid_amount_minor), 0) as p"
                    + " from tutoring_sessions s" + where.sql, where.params.toArray());
            SessionHourTotals.Sums sums = hourTotals.sum(filter, zone, now);
            assertThat(sums).as(filter.toString()).isEqualTo(new SessionHourTotals.Sums(number(live, "n"),
                    number(live, "m"), number(live, "c"), number(live, "t"), number(live, "p")));
            SessionTotals footer = list.totals(filter);
            assertThat(footer.count()).as(filter.toString()).isEqualTo(number(live, "n"));
            assertThat(footer.clientAmountMinor()).as(filter.toString()).isEqualTo(number(live, "c"));
        }
    }

    @Test
    void a_change_of_the_business_time_zone_or_first_day_of_the_week_moves_each_session_to_its_week_in_the_new_calendar() {
        BusinessProfile before = settings.profile();
        Instant now = clock.instant();
        // Sunday 02:30 UTC: Saturday evening in New York (the week before, from Sunday), Sunday morning in
        // Kolkata; with weeks from Monday (en-GB), the end of a week.
        LocalDate sunday = LocalDate.ofInstant(now, ZoneOffset.UTC).minusWeeks(1)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.SUNDAY));
        world.session(sunday.atTime(2, 30).toInstant(ZoneOffset.UTC), 45, "COMPLETED");
        SessionHourTotals.recount(jdbc);
        assertDeliveredPerWeekEqualsALiveCount(now);
        try {
            settings.update(before.withBasics(before.name(), ZoneId.of("Asia/Kolkata"), before.currency(),
                    before.locale()));
            HourTotalsCheck.assertTutorWeeksAgreeWithSessions(jdbc);
            assertDeliveredPerWeekEqualsALiveCount(now);
            settings.update(before.withBasics(before.name(), ZoneId.of("Asia/Kolkata"), before.currency(),
                    java.util.Locale.forLanguageTag("en-GB")));
            HourTotalsCheck.assertTutorWeeksAgreeWithSessions(jdbc);
            assertDeliveredPerWeekEqualsALiveCount(now);
        } finally {
            settings.update(before);
        }
        HourTotalsCheck.assertTutorWeeksAgreeWithSessions(jdbc);
    }

    @Test
    void a_session_edited_while_the_business_time_zone_changes_lands_in_its_new_week_and_neither_save_fails()
            throws Exception {
        BusinessProfile before = settings.profile();
        ZoneId zone = before.zone();
        LocalDate day = LocalDate.ofInstant(clock.instant(), zone).minusDays(3);
        long id = logging.logSession(new LogSessionRequest(world.engagementId, day, LocalTime.of(20, 30), 60, null,
                Cancellation.NONE, "zone-race-" + System.nanoTime()));
        java.util.concurrent.CountDownLatch rowLocked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch changeStarted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        try {
            // The edit holds its session row and reaches its commit (which reads the calendar under a shared
            // lock) while the settings change holds the settings row and rebuilds the week totals.
            java.util.concurrent.Future<?> edit = pool.submit(() -> {
                signIn.as(world.adminEmail);
                tx.executeWithoutResult(status -> {
                    editing.edit(new EditSessionRequest(id, version(id), world.engagementId, day, LocalTime.of(20, 30),
                            90, null, Cancellation.NONE));
                    jdbc.update("update tutoring_sessions set location = location where id = ?", id);
                    rowLocked.countDown();
                    await(changeStarted);
                    pause(300);
                });
                return null;
            });
            java.util.concurrent.Future<?> change = pool.submit(() -> {
                signIn.as(world.adminEmail);
                await(rowLocked);
                changeStarted.countDown();
                settings.update(before.withBasics(before.name(), ZoneId.of("Asia/Kolkata"), before.currency(),
                        before.locale()));
                return null;
            });
            edit.get(60, java.util.concurrent.TimeUnit.SECONDS);
            change.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(((Number) world.column(id, "duration_minutes")).intValue()).isEqualTo(90);
            HourTotalsCheck.assertTutorWeeksAgreeWithSessions(jdbc);
        } finally {
            pool.shutdownNow();
            settings.update(before);
        }
        HourTotalsCheck.assertAgreeWithSessions(jdbc);
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            if (!latch.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("The other thread did not get there within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void sessions_a_minute_either_side_of_daylight_saving_changes_and_week_starts_fall_in_the_weeks_java_gives_them() {
        BusinessProfile before = settings.profile();
        Instant now = clock.instant();
        // Santiago changes its clocks at midnight on Sundays, when an en-US week starts; St John's is
        // UTC-3:30 with daylight saving; Lord Howe moves by half an hour.
        List<String> zones = List.of("America/Santiago", "America/St_Johns", "Australia/Lord_Howe");
        for (String id : zones) {
            ZoneId zone = ZoneId.of(id);
            java.time.zone.ZoneOffsetTransition transition = zone.getRules().previousTransition(now);
            for (int i = 0; i < 2; i++) {
                for (long minutes : List.of(-61L, -1L, 0L, 1L, 59L)) {
                    world.session(transition.getInstant().plusSeconds(60 * minutes), 30, "COMPLETED");
                }
                LocalDate weekStart = LocalDate.ofInstant(transition.getInstant(), zone)
                        .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.SUNDAY));
                Instant boundary = weekStart.atStartOfDay(zone).toInstant();
                for (long minutes : List.of(-1L, 0L, 1L)) {
                    world.session(boundary.plusSeconds(60 * minutes), 30, "COMPLETED");
                }
                transition = zone.getRules().previousTransition(transition.getInstant());
            }
        }
        try {
            for (String id : zones) {
                settings.update(before.withBasics(before.name(), ZoneId.of(id), before.currency(), before.locale()));
                HourTotalsCheck.assertTutorWeeksAgreeWithSessions(jdbc);
                assertDeliveredPerWeekEqualsALiveCount(now);
            }
        } finally {
            settings.update(before);
        }
        HourTotalsCheck.assertTutorWeeksAgreeWithSessions(jdbc);
    }

    /**
     * Delivered sessions per week and tutor for 12 weeks, from the totals, equal a live count with the
     * weeks worked out in Java from the settings row.
     */
    private void assertDeliveredPerWeekEqualsALiveCount(Instant now) {
        Map<String, Object> row = jdbc.queryForMap("select time_zone, locale from business_settings where id = 1");
        ZoneId zone = ZoneId.of((String) row.get("time_zone"));
        java.time.DayOfWeek firstDay = java.time.temporal.WeekFields.of(java.util.Locale.forLanguageTag(
                (String) row.get("locale"))).getFirstDayOfWeek();
        LocalDate current = LocalDate.ofInstant(now, zone).with(java.time.temporal.TemporalAdjusters.previousOrSame(firstDay));
        Map<String, String> live = new java.util.TreeMap<>();
        jdbc.query("select tutor_id, starts_at, duration_minutes from tutoring_sessions s where"
                + " ((s.status = 'COMPLETED' and s.starts_at <= ?) or (s.status = 'SCHEDULED' and s.ends_at <= ?))",
                rs -> {
                    LocalDate week = rs.getObject(2, java.time.LocalDateTime.class).atOffset(ZoneOffset.UTC)
                            .atZoneSameInstant(zone).toLocalDate()
                            .with(java.time.temporal.TemporalAdjusters.previousOrSame(firstDay));
                    if (!week.isBefore(current.minusWeeks(11)) && !week.isAfter(current)) {
                        String key = week + " " + rs.getLong(1);
                        String[] sums = live.getOrDefault(key, "0 0").split(" ");
                        live.put(key, (Long.parseLong(sums[0]) + 1) + " " + (Long.parseLong(sums[1]) + rs.getLong(3)));
                    }
                }, TestData.utc(now), TestData.utc(now));
        Map<String, String> kept = new java.util.TreeMap<>();
        for (TutorWeekTotals.TutorWeek week : tutorWeeks.delivered(12, now)) {
            kept.put(week.weekStart() + " " + week.tutorId(), week.sessions() + " " + week.minutes());
        }
        assertThat(kept).as("delivered sessions per week and tutor in " + zone + ", weeks from " + firstDay)
                .isEqualTo(live).isNotEmpty();
    }

    @Test
    void a_day_range_in_a_zone_with_a_half_hour_offset_counts_its_partial_hours_from_the_sessions() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, kolkata).minusDays(3);
        // 00:10 and 23:50 local: inside the day, but in the partial UTC hours at its two ends.
        world.session(day.atTime(0, 10).atZone(kolkata).toInstant(), 30, "COMPLETED");
        world.session(day.atTime(23, 50).atZone(kolkata).toInstant(), 30, "COMPLETED");
        world.session(day.minusDays(1).atTime(23, 50).atZone(kolkata).toInstant(), 30, "COMPLETED");
        SessionFilter oneDay = new SessionFilter(new DateRange(day, day), null, null, null, null, null, null, null, null);
        SessionListSql.Where where = SessionListSql.where(oneDay, null, kolkata, now);
        long live = jdbc.queryForObject("select count(*) from tutoring_sessions s" + where.sql, Long.class,
                where.params.toArray());
        assertThat(hourTotals.sum(oneDay, kolkata, now).sessions()).isEqualTo(live).isGreaterThanOrEqualTo(2);
    }

    private static List<SessionFilter> filters(LocalDate today) {
        List<SessionFilter> filters = new ArrayList<>();
        List<DateRange> ranges = List.of(DateRange.ALL, new DateRange(today.minusDays(30), today),
                new DateRange(today, today), new DateRange(today.minusDays(10), null), new DateRange(null, today.plusDays(3)));
        for (DateRange range : ranges) {
            filters.add(new SessionFilter(range, null, null, null, null, null, null, null, null));
            for (SessionStatus status : SessionStatus.values()) {
                filters.add(new SessionFilter(range, null, null, null, null, status, null, null, null));
            }
            for (BillingState state : BillingState.values()) {
                filters.add(new SessionFilter(range, null, null, null, null, null, null, state, null));
            }
            for (ReportState report : ReportState.values()) {
                filters.add(new SessionFilter(range, null, null, null, null, SessionStatus.COMPLETED, report, null, null));
            }
        }
        return filters;
    }

    private long version(long id) {
        return ((Number) world.column(id, "version")).longValue();
    }

    private static LocalTime randomTime(Random random) {
        return LocalTime.of(7 + random.nextInt(14), 15 * random.nextInt(4));
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
