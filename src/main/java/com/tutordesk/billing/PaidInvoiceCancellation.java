package com.tutordesk.billing;

import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * When a paid invoice may be cancelled (issue 12: "a paid invoice can be cancelled only after its
 * payments are undone or refunded; card payments are refunded, not undone"): asked by Cancel Invoice
 * and by the invoice page, which says what to do first.
 */
@Component
class PaidInvoiceCancellation {

    private final SettingsService settings;
    private final ObjectProvider<InvoiceRefunds> refunds;

    PaidInvoiceCancellation(SettingsService settings, ObjectProvider<InvoiceRefunds> refunds) {
        this.settings = settings;
        this.refunds = refunds;
    }

    /**
     * @param received the invoice's payments, undone ones included
     * @return why the paid invoice cannot be cancelled yet — a manual payment not undone, or card
     *         payments not refunded in full — or {@code null} when it can
     */
    String blockedReason(Invoice invoice, List<InvoicePayment> received) {
        BusinessProfile profile = settings.profile();
        boolean manualLeft = received.stream().anyMatch(p -> !p.isUndone() && p.getMethod() != PaymentMethod.CARD);
        if (manualLeft) {
            long manual = received.stream().filter(p -> !p.isUndone() && p.getMethod() != PaymentMethod.CARD)
                    .mapToLong(InvoicePayment::getAmountMinor).sum();
            return "To cancel paid invoice " + invoice.getNumber() + ", first undo its payment of "
                    + profile.formatMoney(manual) + " (Undo under Payments)";
        }
        long card = received.stream().filter(p -> p.getMethod() == PaymentMethod.CARD)
                .mapToLong(InvoicePayment::getAmountMinor).sum();
        InvoiceRefunds cardRefunds = refunds.getIfAvailable();
        long refunded = cardRefunds == null ? 0 : cardRefunds.refundedMinor(invoice.getId());
        if (card > refunded) {
            return "To cancel paid invoice " + invoice.getNumber() + ", first refund its card payment: "
                    + profile.formatMoney(card - refunded) + " is not refunded yet (Refund… under Card payments)";
        }
        return null;
    }
}
