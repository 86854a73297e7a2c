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

    SettingsService(BusinessSettingsRepository repository, CurrentUserService currentUsers) {
        this.repository = repository;
        this.currentUsers = currentUsers;
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
     * Replaces the settings.
     *
     * @throws org.springframework.security.access.AccessDeniedException unless the user is an admin
     * @throws IllegalArgumentException naming the field when a value is invalid
     */
    @CacheEvict(cacheNames = PROFILE_CACHE, allEntries = true)
    @Transactional
    public BusinessProfile update(BusinessProfile profile) {
        currentUsers.requireAdmin();
        validate(profile);
        BusinessSettings settings = load();
        settings.apply(profile);
        return repository.saveAndFlush(settings).toProfile();
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
        if (profile.emailSenderName().length() > BusinessSettings.NAME_MAX_LENGTH) {
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
