package com.tutordesk.prepaid;

import com.tutordesk.engagement.Engagement;
import com.tutordesk.mail.MailOutbox;
import com.tutordesk.mail.MailReference;
import com.tutordesk.mail.OutgoingEmail;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.InvalidFieldException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The optional low-balance email of prepaid packages (issue 17): when what is left of a package falls
 * below the hours set on the Settings page, its client's billing contact gets one email, once per
 * package, queued through the outbox after the session that used the minutes committed.
 */
@Service
public class LowBalanceEmails {

    /** The outbox reference type of these emails; the id is the package's. */
    public static final String MAIL_TYPE = "PREPAID_LOW_BALANCE";
    public static final int MIN_HOURS = 1;
    public static final int MAX_HOURS = 100;

    @PersistenceContext
    private EntityManager em;

    private final JdbcTemplate jdbc;
    private final PrepaidPackageRepository packages;
    private final MailOutbox outbox;
    private final SettingsService settings;
    private final CurrentUserService currentUsers;
    private final Clock clock;

    LowBalanceEmails(JdbcTemplate jdbc, PrepaidPackageRepository packages, MailOutbox outbox, SettingsService settings,
            CurrentUserService currentUsers, Clock clock) {
        this.jdbc = jdbc;
        this.packages = packages;
        this.outbox = outbox;
        this.settings = settings;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    /**
     * The setting as stored.
     *
     * @param hours   the threshold in whole hours, or {@code null} when the email is off
     * @param version for the next {@link #update}
     */
    public record Threshold(Integer hours, long version) {
    }

    /** @return the current threshold (admins only, as every setting) */
    @Transactional(readOnly = true)
    public Threshold current() {
        currentUsers.requireAdmin();
        return read();
    }

    /**
     * Sets the threshold.
     *
     * @param hours           whole hours {@value #MIN_HOURS}–{@value #MAX_HOURS}, or {@code null} to switch it off
     * @param expectedVersion the version the page showed
     * @throws InvalidFieldException      "hours" when out of range
     * @throws OptimisticLockingFailureException when someone else saved it since
     */
    @Transactional
    public Threshold update(Integer hours, long expectedVersion) {
        currentUsers.requireAdmin();
        if (hours != null && (hours < MIN_HOURS || hours > MAX_HOURS)) {
            throw new InvalidFieldException("hours", "Low-balance hours must be " + MIN_HOURS + "–" + MAX_HOURS
                    + ", or empty for no email");
        }
        int changed = jdbc.update("update prepaid_settings set low_balance_hours = ?, version = version + 1"
                + " where id = 1 and version = ?", hours, expectedVersion);
        if (changed == 0) {
            throw new OptimisticLockingFailureException("The prepaid settings changed in the meantime");
        }
        return read();
    }

    private Threshold read() {
        return jdbc.queryForObject("select low_balance_hours, version from prepaid_settings where id = 1",
                (rs, i) -> new Threshold(rs.getObject("low_balance_hours", Integer.class), rs.getLong("version")));
    }

    /** After minutes were used: a package now below the threshold emails its billing contact, once. */
    @ApplicationModuleListener
    void on(PackageMinutesUsed used) {
        Integer hours = read().hours();
        if (hours == null) {
            return;
        }
        for (Long id : List.copyOf(used.packageIds())) {
            packages.lockById(id).ifPresent(p -> {
                if (p.getLowBalanceEmailedAt() != null || p.getState() != PrepaidPackage.Stored.ACTIVE
                        || p.minutesLeft() >= hours * 60) {
                    return;
                }
                email(p);
                p.lowBalanceEmailed(clock.instant());
            });
        }
        packages.flush();
    }

    private void email(PrepaidPackage p) {
        Engagement engagement = em.find(Engagement.class, p.getEngagementId());
        var client = engagement.getStudent().getClient();
        BusinessProfile profile = settings.profile();
        String left = BusinessProfile.formatDuration(p.minutesLeft());
        String student = engagement.getStudent().getName();
        String subject = engagement.getSubject().getName();
        String text = "Dear " + client.getBillingContactName() + ",\n\n"
                + "the prepaid hours for " + student + " (" + subject + " with " + engagement.getTutor().getName()
                + ") are running low: " + left + " left of " + BusinessProfile.formatDuration(p.getMinutesBought())
                + ". Once they are used, sessions are invoiced as usual.\n\n"
                + "If you would like to buy more hours, just reply to this email.\n\n" + profile.name() + "\n";
        outbox.enqueue(new OutgoingEmail(new MailReference(MAIL_TYPE, p.getId()), List.of(client.getBillingContactEmail()),
                "Prepaid hours running low: " + left + " left for " + student, text, null, List.of()));
    }
}
