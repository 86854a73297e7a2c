package com.tutordesk.settings;

import com.tutordesk.security.CurrentUserService;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the business settings. Anyone may read them (the login page shows the business
 * name); only admins may change them (domain.md roles: "manage tutors, subjects, settings: admin").
 */
@Service
public class SettingsService {

    static final String PROFILE_CACHE = "businessProfile";

    private final BusinessSettingsRepository repository;
    private final CurrentUserService currentUsers;
    private final org.springframework.beans.factory.ObjectProvider<RecordedActivity> activity;
    private final org.springframework.context.ApplicationEventPublisher events;

    SettingsService(BusinessSettingsRepository repository, CurrentUserService currentUsers,
            org.springframework.beans.factory.ObjectProvider<RecordedActivity> activity,
            org.springframework.context.ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
        this.currentUsers = currentUsers;
        this.activity = activity;
    }

    /**
     * What changing the time zone or currency means for what is already recorded (the Settings page
     * asks for confirmation with this). Stored instants and amounts never change: a session keeps
     * its moment in time and is shown at another wall-clock time; an amount keeps its number of
     * minor units and is shown in the new currency.
     *
     * @param recordedSessions   sessions recorded so far
     * @param recordedEngagements engagements with rates so far
     */
    public record ChangeImpact(long recordedSessions, long recordedEngagements) {

        /** @return whether anything is recorded that a zone or currency change would show differently */
        public boolean anythingRecorded() {
            return recordedSessions > 0 || recordedEngagements > 0;
        }
    }

    /**
     * @return how much is recorded in the current zone and currency
     * @throws org.springframework.security.access.AccessDeniedException unless the user is an admin
     */
    @Transactional(readOnly = true)
    public ChangeImpact changeImpact() {
        currentUsers.requireAdmin();
        RecordedActivity recorded = activity.getIfAvailable();
        return recorded == null ? new ChangeImpact(0, 0)
                : new ChangeImpact(recorded.sessionCount(), recorded.engagementCount());
    }

    /**
     * @return the current settings; the row always exists (created by the first migration). Cached
     *         for a minute per node ({@code spring.cache.caffeine.spec}); {@link #update} clears it.
     */
    @Cacheable(PROFILE_CACHE)
    @Transactional(readOnly = true)
    public BusinessProfile profile() {
        return load().toProfile();
    }

    /**
     * Replaces the settings. A change of time zone or first day of the week publishes
     * {@link BusinessCalendarChanged} in this transaction.
     *
     * @throws org.springframework.security.access.AccessDeniedException unless the user is an admin
     * @throws IllegalArgumentException naming the field when a value is invalid
     */
    @CacheEvict(cacheNames = PROFILE_CACHE, allEntries = true)
    // Read committed: a change of calendar rebuilds per-week totals from the sessions (BusinessCalendarChanged);
    // at repeatable read that INSERT ... SELECT would lock every session row it reads, and a session write
    // holding its row while it waits for the settings row would deadlock with it.
    @Transactional(isolation = org.springframework.transaction.annotation.Isolation.READ_COMMITTED)
    public BusinessProfile update(BusinessProfile profile) {
        currentUsers.requireAdmin();
        validate(profile);
        BusinessProfile current = profile();
        if (current.currency().getDefaultFractionDigits() != profile.currency().getDefaultFractionDigits()
                && changeImpact().anythingRecorded()) {
            // Amounts are stored in minor units: 75.00 USD is 7500, which in JPY would read 7,500 yen.
            throw new com.tutordesk.shared.InvalidFieldException("currency", "Currency "
                    + profile.currency().getCurrencyCode() + " has " + profile.currency().getDefaultFractionDigits()
                    + " decimal places and " + current.currency().getCurrencyCode() + " has "
                    + current.currency().getDefaultFractionDigits() + ": recorded rates and amounts would change"
                    + " their value, so this switch is refused once sessions or engagements exist.");
        }
        BusinessSettings settings = load();
        settings.apply(profile);
        BusinessProfile saved = repository.saveAndFlush(settings).toProfile();
        java.time.DayOfWeek firstDay = java.time.temporal.WeekFields.of(saved.locale()).getFirstDayOfWeek();
        if (!current.zone().equals(saved.zone())
                || java.time.temporal.WeekFields.of(current.locale()).getFirstDayOfWeek() != firstDay) {
            events.publishEvent(new BusinessCalendarChanged(saved.zone(), firstDay));
        }
        return saved;
    }

    /**
     * @return the version of the settings row, for {@link #update(BusinessProfile, long)}: a form
     *         remembers it when it reads the settings
     */
    @Transactional(readOnly = true)
    public long version() {
        return load().getVersion();
    }

    /**
     * Replaces the settings as {@link #update(BusinessProfile)}, unless someone changed them since
     * the caller's form read them: two admins saving different changes would otherwise silently
     * undo each other's.
     *
     * @param expectedVersion {@link #version()} when the form read the settings
     * @throws org.springframework.orm.ObjectOptimisticLockingFailureException when the settings
     *         changed since (nothing is saved)
     */
    @CacheEvict(cacheNames = PROFILE_CACHE, allEntries = true)
    // Read committed: a change of calendar rebuilds per-week totals from the sessions (BusinessCalendarChanged);
    // at repeatable read that INSERT ... SELECT would lock every session row it reads, and a session write
    // holding its row while it waits for the settings row would deadlock with it.
    @Transactional(isolation = org.springframework.transaction.annotation.Isolation.READ_COMMITTED)
    public BusinessProfile update(BusinessProfile profile, long expectedVersion) {
        currentUsers.requireAdmin();
        com.tutordesk.shared.Versions.require(BusinessSettings.class, BusinessSettings.SINGLETON_ID,
                load().getVersion(), expectedVersion);
        return update(profile);
    }

    // ---- pay periods (issue 16) ----

    /**
     * @return the pay period setting (domain.md "Payroll"); anyone may read it (a tutor's pay page
     *         shows their periods). Cached with the profile; {@link #updatePaySchedule} clears it.
     */
    @Cacheable(cacheNames = PROFILE_CACHE, key = "'paySchedule'")
    @Transactional(readOnly = true)
    public PaySchedule paySchedule() {
        return load().toPaySchedule();
    }

    /**
     * Replaces the pay period setting, unless someone changed it since the caller's form showed
     * {@code expected}. Periods already approved keep their dates (the payroll module stores them).
     *
     * @param expected the setting as the form read it
     * @throws org.springframework.security.access.AccessDeniedException unless the user is an admin
     * @throws org.springframework.orm.ObjectOptimisticLockingFailureException when the setting
     *         changed since (nothing is saved)
     */
    @CacheEvict(cacheNames = PROFILE_CACHE, allEntries = true)
    @Transactional
    public PaySchedule updatePaySchedule(PaySchedule schedule, PaySchedule expected) {
        currentUsers.requireAdmin();
        java.util.Objects.requireNonNull(schedule, "schedule");
        int updated = repository.updatePaySchedule(schedule.frequency().name(), schedule.anchor(),
                expected.frequency().name(), expected.anchor());
        if (updated != 1) {
            throw new org.springframework.orm.ObjectOptimisticLockingFailureException(BusinessSettings.class,
                    BusinessSettings.SINGLETON_ID);
        }
        return schedule;
    }

    /** @return whether {@code id} is an IANA time zone id such as "America/New_York" */
    public static boolean isValidZone(String id) {
        try {
            return id != null && ZoneId.getAvailableZoneIds().contains(ZoneId.of(id).getId());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void validate(BusinessProfile profile) {
        if (profile.name().isBlank()) {
            throw new IllegalArgumentException("Business name is required");
        }
        if (profile.name().strip().length() > BusinessSettings.NAME_MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "Business name must be at most " + BusinessSettings.NAME_MAX_LENGTH + " characters");
        }
        if (!isValidZone(profile.zone().getId())) {
            throw new IllegalArgumentException("Time zone must be an IANA zone such as America/New_York");
        }
        if (!Currency.getAvailableCurrencies().contains(profile.currency())) {
            throw new IllegalArgumentException("Currency must be an ISO 4217 code");
        }
        Locale locale = profile.locale();
        if (locale.getLanguage().isEmpty()) {
            throw new IllegalArgumentException("Locale must name a language, e.g. en-US");
        }
        if (profile.emailSenderName().strip().length() > BusinessSettings.NAME_MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "Email sender name must be at most " + BusinessSettings.NAME_MAX_LENGTH + " characters");
        }
        if (profile.address().length() > BusinessSettings.ADDRESS_MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "Address must be at most " + BusinessSettings.ADDRESS_MAX_LENGTH + " characters");
        }
    }

    private BusinessSettings load() {
        return repository.findById(BusinessSettings.SINGLETON_ID)
                .orElseThrow(() -> new IllegalStateException("business_settings row 1 is missing"));
    }
}
