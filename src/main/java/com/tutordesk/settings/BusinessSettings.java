package com.tutordesk.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The single row of business settings (id 1, created by the first migration).
 * Limits are constants so that forms and the database schema use the same numbers.
 */
@Entity
@Table(name = "business_settings")
public class BusinessSettings {

    public static final int NAME_MAX_LENGTH = 120;
    public static final int ADDRESS_MAX_LENGTH = 500;
    public static final int MAX_LATE_CANCEL_WINDOW_HOURS = 720;

    static final long SINGLETON_ID = 1L;

    @Id
    private Long id = SINGLETON_ID;

    @NotBlank
    @Size(max = NAME_MAX_LENGTH)
    @Column(nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @NotBlank
    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @NotBlank
    @Size(min = 3, max = 3)
    @Column(nullable = false, length = 3)
    private String currency;

    @NotBlank
    @Column(nullable = false, length = 35)
    private String locale;

    @Min(0)
    @Max(MAX_LATE_CANCEL_WINDOW_HOURS)
    @Column(name = "late_cancel_window_hours", nullable = false)
    private int lateCancelWindowHours = 24;

    @Min(0)
    @Max(100)
    @Column(name = "late_cancel_client_percent", nullable = false)
    private int lateCancelClientPercent = 100;

    @Min(0)
    @Max(100)
    @Column(name = "late_cancel_tutor_percent", nullable = false)
    private int lateCancelTutorPercent = 50;

    @Column(name = "tutors_enhanced_access", nullable = false)
    private boolean tutorsEnhancedAccess;

    @Size(max = NAME_MAX_LENGTH)
    @Column(name = "email_sender_name", length = NAME_MAX_LENGTH)
    private String emailSenderName;

    @Size(max = ADDRESS_MAX_LENGTH)
    @Column(length = ADDRESS_MAX_LENGTH)
    private String address;

    @Version
    private long version;

    // ---- pay periods (issue 16): written only by BusinessSettingsRepository.updatePaySchedule ----

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "pay_frequency", nullable = false, length = 20, insertable = false, updatable = false)
    private PayFrequency payFrequency;

    @Column(name = "pay_anchor", nullable = false, insertable = false, updatable = false)
    private java.time.LocalDate payAnchor;

    protected BusinessSettings() {
    }

    BusinessProfile toProfile() {
        return new BusinessProfile(name, java.time.ZoneId.of(timeZone), java.util.Currency.getInstance(currency),
                java.util.Locale.forLanguageTag(locale),
                new LateCancellationPolicy(lateCancelWindowHours, lateCancelClientPercent, lateCancelTutorPercent),
                tutorsEnhancedAccess, emailSenderName == null || emailSenderName.isBlank() ? name : emailSenderName,
                address == null ? "" : address);
    }

    void apply(BusinessProfile profile) {
        this.name = profile.name().strip();
        this.timeZone = profile.zone().getId();
        this.currency = profile.currency().getCurrencyCode();
        this.locale = profile.locale().toLanguageTag();
        this.lateCancelWindowHours = profile.lateCancellation().windowHours();
        this.lateCancelClientPercent = profile.lateCancellation().clientChargePercent();
        this.lateCancelTutorPercent = profile.lateCancellation().tutorPayPercent();
        this.tutorsEnhancedAccess = profile.tutorsEnhancedAccess();
        // Stored as validated: the limits are checked on the text without surrounding blanks.
        this.emailSenderName = profile.emailSenderName().strip();
        this.address = profile.address().strip();
    }

    long getVersion() {
        return version;
    }

    PaySchedule toPaySchedule() {
        return new PaySchedule(payFrequency, payAnchor);
    }
}
