package com.tutordesk.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A repeat of sessions every 1–4 weeks (issue 14 "Series"): the pattern — weekday and wall-clock
 * start in the business zone — and how many occurrences it has. Each occurrence is a
 * {@link TutoringSession} with its position in the series.
 */
@Entity
@Table(name = "session_series")
public class SessionSeries {

    public static final int MIN_EVERY_WEEKS = 1;
    public static final int MAX_EVERY_WEEKS = 4;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "engagement_id", nullable = false)
    private long engagementId;

    @Column(name = "every_weeks", nullable = false)
    private int everyWeeks;

    @Column(name = "day_of_week", nullable = false)
    private int dayOfWeek;

    @Column(name = "start_time", nullable = false)
    private LocalTime startTime;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "first_date", nullable = false)
    private LocalDate firstDate;

    @Column(nullable = false)
    private int occurrences;

    @Column(name = "ended_after")
    private LocalDate endedAfter;

    @Column(name = "created_by_user_id")
    private Long createdByUserId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected SessionSeries() {
    }

    SessionSeries(long engagementId, int everyWeeks, LocalDate firstDate, LocalTime startTime, String zone,
            int occurrences, Long userId, Instant now) {
        this.engagementId = engagementId;
        this.everyWeeks = everyWeeks;
        this.dayOfWeek = firstDate.getDayOfWeek().getValue();
        this.startTime = startTime;
        this.timeZone = zone;
        this.firstDate = firstDate;
        this.occurrences = occurrences;
        this.createdByUserId = userId;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    /** @return weeks between two occurrences, 1–4 */
    public int getEveryWeeks() {
        return everyWeeks;
    }

    /** @return the weekday of the occurrences (business-local) */
    public DayOfWeek getDayOfWeek() {
        return DayOfWeek.of(dayOfWeek);
    }

    /** @return the wall-clock start in the business zone, kept across DST changes */
    public LocalTime getStartTime() {
        return startTime;
    }

    public LocalDate getFirstDate() {
        return firstDate;
    }

    /** @return how many occurrences the series has ("of 12") */
    public int getOccurrences() {
        return occurrences;
    }

    /** @return the date after which the series was ended ("End series after …"), or {@code null} */
    public LocalDate getEndedAfter() {
        return endedAfter;
    }

    /** A "this and following" move: the pattern from here on is the moved one's. */
    void follow(LocalDate date, LocalTime time) {
        this.dayOfWeek = date.getDayOfWeek().getValue();
        this.startTime = time;
    }

    /** "End series after …": the occurrences after {@code lastDate} are cancelled; {@code kept} remain. */
    void endAfter(LocalDate lastDate, int kept) {
        this.endedAfter = lastDate;
        this.occurrences = kept;
    }
}
