package com.tutordesk.prepaid.ui;

import com.tutordesk.billing.PaymentMethod;
import com.tutordesk.prepaid.PackageRow;
import com.tutordesk.settings.BusinessProfile;
import java.util.Locale;

/** How a package's refund reads on the client, engagement and invoice pages (issue 17), in one place. */
final class RefundTexts {

    private RefundTexts() {
    }

    /**
     * @return e.g. "Refunded $360.00 to the card ending 4242 on Nov 25, 2026", "Refund of $360.00 to the card
     *         ending 4242 pending at Stripe", "Refunded $360.00 by cheque on Nov 25, 2026, reference 1234",
     *         or "Refunded: nothing to pay back"; {@code null} unless the row is refunded
     */
    static String describe(PackageRow row, BusinessProfile profile) {
        PackageRow.Refund refund = row.refund();
        if (refund == null) {
            return null;
        }
        String amount = profile.formatMoney(row.refundedMinor());
        String on = refund.date() == null ? "" : " on " + profile.formatDate(refund.date());
        if (refund.method() == null) {
            return row.refundedMinor() == 0 ? "Refunded: nothing to pay back" : "Refunded " + amount;
        }
        if (refund.method() == PaymentMethod.CARD) {
            String card = refund.cardLast4() == null ? "the card it was paid with" : "the card ending " + refund.cardLast4();
            return refund.pending() ? "Refund of " + amount + " to " + card + " pending at Stripe"
                    : "Refunded " + amount + " to " + card + on;
        }
        return "Refunded " + amount + " by " + refund.method().label().toLowerCase(Locale.ROOT) + on
                + (refund.reference() == null ? "" : ", reference " + refund.reference());
    }
}
