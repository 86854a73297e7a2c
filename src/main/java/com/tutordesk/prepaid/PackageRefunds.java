package com.tutordesk.prepaid;

import com.tutordesk.billing.InvoiceCardRefundSettled;
import com.tutordesk.billing.InvoiceCardRefunds;
import com.tutordesk.billing.PaymentMethod;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Refund unused hours" (issue 17; domain.md "Prepaid packages": "refunding a paid one removes its unused
 * hours"): the unused minutes go and their value at the package's price (price × unused / bought, HALF_UP,
 * once) goes back to the family the way the invoice was paid.
 *
 * <ul>
 * <li>Paid by card: a partial Stripe refund of the invoice's card payment, through billing's
 *     {@link InvoiceCardRefunds} (the card-payments module's refunds, listed on the invoice), with the key
 *     {@code package-{id}-refund-{n}}: a double click or a retry reports the refund already made or on its way
 *     and never refunds twice; n grows only after a refund that failed. The hours go only once Stripe accepted
 *     the refund (succeeded, or pending). Declined or refused: nothing changes. No answer: nothing changes now;
 *     the refund is sent again with the same key, and should it go through then, {@link InvoiceCardRefundSettled}
 *     removes the hours — as a pending refund that fails later gives them back.</li>
 * <li>Paid by hand (cash, cheque, bank transfer, other): the office pays it back and records how, with a
 *     date and a reference, as "Mark as paid" does.</li>
 * <li>A free package: the hours go, nothing is paid back.</li>
 * </ul>
 * Admins only (as cancelling invoices); anyone else gets {@link AccessDeniedException}.
 */
@Service
public class PackageRefunds {

    private static final Logger log = LoggerFactory.getLogger(PackageRefunds.class);
    private static final Pattern PACKAGE_KEY = Pattern.compile("^package-(\\d+)-refund-\\d+$");

    private final PrepaidPackageRepository packages;
    private final ObjectProvider<InvoiceCardRefunds> cardRefunds;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    PackageRefunds(PrepaidPackageRepository packages, ObjectProvider<InvoiceCardRefunds> cardRefunds,
            CurrentUserService currentUsers, SettingsService settings, Clock clock,
            PlatformTransactionManager transactions) {
        this.packages = packages;
        this.cardRefunds = cardRefunds;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** @return the key prefix of a package's card refunds: {@code package-{id}-refund} */
    static String keyPrefix(long packageId) {
        return "package-" + packageId + "-refund";
    }

    /**
     * What a refund of the package's unused hours would be: minutes, value, and how it goes back.
     *
     * @throws AccessDeniedException  unless the caller is an admin
     * @throws NotFoundException      when the package does not exist
     * @throws RuleViolationException when it is already refunded or has nothing left
     */
    public RefundOffer offer(long packageId) {
        requireAdmin();
        PrepaidPackage p = tx.execute(status -> refundable(packageId, false));
        long value = p.valueLeftMinor();
        if (value == 0) {
            return new RefundOffer(packageId, p.minutesLeft(), 0, RefundOffer.Way.NOTHING_TO_PAY, null);
        }
        Optional<InvoiceCardRefunds.CardPayment> card = cardPayment(p.getInvoiceId());
        return new RefundOffer(packageId, p.minutesLeft(), value,
                card.isPresent() ? RefundOffer.Way.CARD : RefundOffer.Way.MANUAL,
                card.map(InvoiceCardRefunds.CardPayment::cardLast4).orElse(null));
    }

    /**
     * Refunds the unused hours of a package paid by card (a Stripe refund to that card), or of a free one.
     * Not in a transaction: Stripe is called between short ones, never with a row locked.
     *
     * @return what happened; {@code refunded} only when Stripe accepted the refund (or there was nothing to pay)
     * @throws AccessDeniedException  unless the caller is an admin
     * @throws NotFoundException      when the package does not exist
     * @throws RuleViolationException when it is already refunded, has nothing left, was paid by hand (record
     *                                the refund with {@link #refundManually}), or card payments cannot refund it
     */
    public PackageRefundResult refundToCard(long packageId) {
        CurrentUser user = requireAdmin();
        BusinessProfile profile = settings.profile();
        PrepaidPackage p = tx.execute(status -> refundable(packageId, false));
        long value = p.valueLeftMinor();
        if (value == 0) {
            tx.executeWithoutResult(status -> refundable(packageId, true).refundUnused(clock.instant(), 0,
                    new PrepaidPackage.RefundRecord(null, profile.today(clock), null, null, false, user.userId())));
            return new PackageRefundResult(true, false, 0, "Unused hours removed: the package was free, so there is"
                    + " nothing to pay back.");
        }
        InvoiceCardRefunds refunds = cardRefunds.getIfAvailable();
        InvoiceCardRefunds.CardPayment card = cardPayment(p.getInvoiceId()).orElseThrow(() -> new RuleViolationException(
                "This package's invoice was not paid by card: pay the " + profile.formatMoney(value)
                        + " back by hand and record how (method, date, reference)"));
        String reason = "Unused prepaid hours: " + BusinessProfile.formatDuration(p.minutesLeft()) + " of "
                + BusinessProfile.formatDuration(p.getMinutesBought()) + " (" + p.getMemo() + ")";
        InvoiceCardRefunds.RefundOutcome outcome = refunds.refund(p.getInvoiceId(), value, reason, keyPrefix(packageId));
        String to = card.cardLast4() == null ? "the card it was paid with" : "the card ending " + card.cardLast4();
        String amount = profile.formatMoney(value);
        return switch (outcome.outcome()) {
            case SUCCEEDED, PENDING -> {
                boolean pending = outcome.outcome() == InvoiceCardRefunds.Outcome.PENDING;
                long refunded = tx.execute(status -> cardRefundAccepted(packageId, outcome.idempotencyKey(), value,
                        card.cardLast4(), pending, user.userId()));
                String made = profile.formatMoney(refunded);
                yield new PackageRefundResult(true, pending, refunded, pending
                        ? "Refund of " + made + " to " + to + " requested: Stripe reports it pending. The unused hours"
                                + " are removed; the invoice page shows when Stripe completes it."
                        : "Refunded " + made + " to " + to + ". The unused hours are removed.");
            }
            case FAILED -> new PackageRefundResult(false, false, value, "Not refunded: "
                    + (outcome.failure() == null ? "Stripe refused the refund" : outcome.failure())
                    + ". The package's hours are unchanged; you may try again.");
            case NO_ANSWER -> new PackageRefundResult(false, false, value, "No answer from Stripe: the refund of "
                    + amount + " is not confirmed, and the package's hours are unchanged. It is sent again with the"
                    + " same idempotency key, so it is never made twice; if it goes through, the unused hours are"
                    + " removed then.");
        };
    }

    /**
     * Records the refund of a package paid by hand: the unused hours go and the office's record of how the
     * value went back (method, date, reference) is kept with the package.
     *
     * @return what was recorded
     * @throws AccessDeniedException  unless the caller is an admin
     * @throws NotFoundException      when the package does not exist
     * @throws InvalidFieldException  "method" (missing, or card), "refundedOn" (missing or in the future),
     *                                "reference" (too long)
     * @throws RuleViolationException when it is already refunded, has nothing left, or was paid by card
     */
    public PackageRefundResult refundManually(long packageId, ManualRefund refund) {
        CurrentUser user = requireAdmin();
        BusinessProfile profile = settings.profile();
        if (refund == null || refund.method() == null) {
            throw new InvalidFieldException("method", "Refund method is required");
        }
        if (refund.method() == PaymentMethod.CARD) {
            throw new InvalidFieldException("method", "Refund method: a card refund is made through Stripe, not recorded");
        }
        if (refund.refundedOn() == null) {
            throw new InvalidFieldException("refundedOn", "Refund date is required");
        }
        if (refund.refundedOn().isAfter(profile.today(clock))) {
            throw new InvalidFieldException("refundedOn", "Refund date must not be in the future");
        }
        String reference = refund.reference() == null || refund.reference().isBlank() ? null : refund.reference().strip();
        if (reference != null && reference.length() > PrepaidPackage.REFUND_REFERENCE_MAX_LENGTH) {
            throw new InvalidFieldException("reference", "Reference must be at most "
                    + PrepaidPackage.REFUND_REFERENCE_MAX_LENGTH + " characters");
        }
        long invoiceId = tx.execute(status -> refundable(packageId, false)).getInvoiceId();
        if (cardPayment(invoiceId).isPresent()) {
            throw new RuleViolationException("This package was paid by card: its unused hours are refunded to the card");
        }
        long value = tx.execute(status -> refundable(packageId, true).refundUnused(clock.instant(),
                new PrepaidPackage.RefundRecord(refund.method(), refund.refundedOn(), reference, null, false,
                        user.userId())));
        return new PackageRefundResult(true, false, value, "Refunded " + profile.formatMoney(value) + " by "
                + refund.method().label().toLowerCase(java.util.Locale.ROOT) + " on "
                + profile.formatDate(refund.refundedOn()) + (reference == null ? "" : ", reference " + reference)
                + ": recorded. The unused hours are removed.");
    }

    /**
     * A card refund of a package reached its end at Stripe later (a pending one settled, or one sent again
     * after no answer): succeeded removes the unused hours if they are still there; failed gives back the
     * hours a pending refund had removed. Idempotent.
     */
    @ApplicationModuleListener
    void on(InvoiceCardRefundSettled settled) {
        Matcher key = PACKAGE_KEY.matcher(settled.idempotencyKey());
        if (!key.matches()) {
            return;
        }
        long packageId = Long.parseLong(key.group(1));
        PrepaidPackage p = packages.lockById(packageId).orElse(null);
        if (p == null) {
            return;
        }
        PrepaidPackage.RefundRecord record = p.refundRecord();
        boolean ours = record != null && record.method() == PaymentMethod.CARD
                && settled.idempotencyKey().equals(record.reference());
        if (settled.succeeded()) {
            if (ours) {
                p.cardRefundSettled();
            } else if (record == null && p.minutesLeft() > 0) {
                String last4 = cardPayment(p.getInvoiceId()).map(InvoiceCardRefunds.CardPayment::cardLast4).orElse(null);
                p.refundUnused(clock.instant(), Math.min(settled.amountMinor(), p.getPriceMinor()),
                        new PrepaidPackage.RefundRecord(PaymentMethod.CARD, settings.profile().today(clock),
                                settled.idempotencyKey(), last4, false, null));
                log.info("Package {}: card refund {} went through after all; unused hours removed", packageId,
                        settled.idempotencyKey());
            }
        } else if (ours && record.pending()) {
            p.cardRefundFailed();
            log.warn("Package {}: pending card refund {} failed at Stripe; its unused hours are available again",
                    packageId, settled.idempotencyKey());
        }
        packages.flush();
    }

    // ---- internals ----

    private CurrentUser requireAdmin() {
        CurrentUser user = currentUsers.require();
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only an admin may refund package hours");
        }
        return user;
    }

    private Optional<InvoiceCardRefunds.CardPayment> cardPayment(long invoiceId) {
        InvoiceCardRefunds refunds = cardRefunds.getIfAvailable();
        return refunds == null ? Optional.empty() : refunds.cardPayment(invoiceId);
    }

    /** The package, if it can be refunded now (locked when asked). */
    private PrepaidPackage refundable(long packageId, boolean lock) {
        PrepaidPackage p = (lock ? packages.lockById(packageId) : packages.findById(packageId))
                .orElseThrow(() -> new NotFoundException("Package", packageId));
        if (p.getState() == PrepaidPackage.Stored.REFUNDED) {
            throw new RuleViolationException("This package was already refunded: reload the page");
        }
        if (p.minutesLeft() == 0) {
            throw new RuleViolationException("This package has no unused hours to refund");
        }
        return p;
    }

    /**
     * Stripe accepted the refund: the unused hours go, recorded as refunded to the card. When the package was
     * refunded meanwhile by this same refund (its settled event came first), that is the answer.
     *
     * @return the value refunded, minor units
     */
    private long cardRefundAccepted(long packageId, String key, long valueMinor, String last4, boolean pending, Long userId) {
        PrepaidPackage p = packages.lockById(packageId).orElseThrow(() -> new NotFoundException("Package", packageId));
        PrepaidPackage.RefundRecord record = p.refundRecord();
        if (record != null) {
            if (record.method() == PaymentMethod.CARD && key.equals(record.reference())) {
                return p.getRefundedMinor();
            }
            throw new IllegalStateException("Package " + packageId + " was refunded another way while card refund "
                    + key + " was made");
        }
        long refunded = p.refundUnused(clock.instant(), Math.min(valueMinor, p.getPriceMinor()),
                new PrepaidPackage.RefundRecord(PaymentMethod.CARD, settings.profile().today(clock), key, last4,
                        pending, userId));
        packages.flush();
        return refunded;
    }
}
