package com.tutordesk.payroll;

import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bonuses, deductions and reimbursements on a tutor's pay (domain.md "Payroll": each with a memo),
 * added and removed while the tutor's pay for the period is open. Admins only, checked here.
 * Each change raises the pay's version, so an approval that read the adjustments before fails
 * instead of approving a total that no longer holds.
 */
@Service
public class PayAdjustments {

    /** Longest memo, in characters. */
    public static final int MEMO_MAX_LENGTH = 200;
    /** Largest adjustment, minor units (1,000,000.00 in a two-decimal currency): catches a mistyped amount. */
    public static final long MAX_AMOUNT_MINOR = 100_000_000L;

    private final TutorPayRepository pays;
    private final PayrollBook book;
    private final PayPeriods periods;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final Clock clock;
    private final TransactionTemplate transactions;

    PayAdjustments(TutorPayRepository pays, PayrollBook book, PayPeriods periods, CurrentUserService currentUsers,
            SettingsService settings, Clock clock, PlatformTransactionManager transactionManager) {
        this.pays = pays;
        this.book = book;
        this.periods = periods;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Adds an adjustment to the tutor's pay for the period starting on {@code periodStart}.
     *
     * @param amountMinor positive, minor units (a deduction too: its kind subtracts it)
     * @param memo        what it is for, 1–{@value #MEMO_MAX_LENGTH} characters
     * @return the adjustment id
     * @throws com.tutordesk.shared.InvalidFieldException naming {@code kind}, {@code amount} or {@code memo}
     * @throws RuleViolationException when the tutor's pay for the period is approved or paid
     * @throws NotFoundException for a tutor who does not exist
     * @throws IllegalArgumentException when no pay period starts on {@code periodStart}
     * @throws org.springframework.security.access.AccessDeniedException unless the user is an admin
     */
    public long add(long tutorId, LocalDate periodStart, AdjustmentKind kind, long amountMinor, String memo) {
        CurrentUser user = currentUsers.requireAdmin();
        try {
            return addOnce(tutorId, periodStart, kind, amountMinor, memo, user);
        } catch (DataIntegrityViolationException firstPayRowRaced) {
            // Another adjustment created the tutor's pay row for this period at the same moment: use it.
            return addOnce(tutorId, periodStart, kind, amountMinor, memo, user);
        }
    }

    private long addOnce(long tutorId, LocalDate periodStart, AdjustmentKind kind, long amountMinor, String memo,
            CurrentUser user) {
        Long id = transactions.execute(status -> {
            if (!book.tutorExists(tutorId)) {
                throw new NotFoundException("Tutor", tutorId);
            }
            Instant now = clock.instant();
            TutorPay pay = pays.findByTutorIdAndPeriodStart(tutorId, periodStart).orElseGet(() -> {
                PayPeriod period = periods.containing(periodStart);
                if (!period.start().equals(periodStart)) {
                    throw new IllegalArgumentException("Pay period: no period starts on " + periodStart);
                }
                return new TutorPay(tutorId, period, settings.profile().currency().getCurrencyCode(), now);
            });
            PayAdjustment adjustment = pay.addAdjustment(kind, amountMinor, memo, user.userId(), now);
            if (pay.getId() == null) {
                pays.save(pay);
            }
            // A managed pay is not saved again: merging would cascade a copy of the new adjustment.
            pays.flush();
            return adjustment.getId();
        });
        return id;
    }

    /**
     * Removes an adjustment from open pay.
     *
     * @throws RuleViolationException when the pay it is on is approved or paid
     * @throws NotFoundException when there is no such adjustment
     * @throws org.springframework.security.access.AccessDeniedException unless the user is an admin
     */
    public void remove(long adjustmentId) {
        currentUsers.requireAdmin();
        transactions.executeWithoutResult(status -> {
            TutorPay pay = pays.findByAdjustmentId(adjustmentId)
                    .orElseThrow(() -> new NotFoundException("Adjustment", adjustmentId));
            pay.removeAdjustment(adjustmentId, clock.instant());
            pays.flush();
        });
    }
}
