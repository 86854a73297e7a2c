package com.tutordesk.payment;

import com.tutordesk.billing.InvoiceCharges;
import com.tutordesk.billing.InvoiceCharges.ChargeableInvoice;
import com.tutordesk.billing.InvoiceState;
import com.tutordesk.people.ClientCards;
import com.tutordesk.people.ClientPayer;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.shared.NotFoundException;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The card payments part of the invoice page (issue 8): its attempts, refunds, card and what may be done. */
@Service
public class InvoiceCardPanels {

    private final PaymentAttemptRepository attempts;
    private final PaymentRefundRepository refunds;
    private final CardRefunds cardRefunds;
    private final InvoiceCharges invoices;
    private final CardGuard guard;
    private final ClientCards cards;
    private final PaymentLinks links;
    private final CurrentUserService currentUsers;
    private final Clock clock;

    InvoiceCardPanels(PaymentAttemptRepository attempts, PaymentRefundRepository refunds, CardRefunds cardRefunds,
            InvoiceCharges invoices, CardGuard guard, ClientCards cards, PaymentLinks links, CurrentUserService currentUsers, Clock clock) {
        this.attempts = attempts;
        this.refunds = refunds;
        this.cardRefunds = cardRefunds;
        this.invoices = invoices;
        this.guard = guard;
        this.cards = cards;
        this.links = links;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    /**
     * @return the panel, or empty for viewers who may not handle the client's payments (a plain tutor
     *         never gets here: billing shows them no invoice)
     * @throws NotFoundException when the invoice does not exist
     */
    public Optional<InvoiceCardPanel> panel(long invoiceId) {
        CurrentUser user = currentUsers.require();
        ChargeableInvoice invoice = invoices.find(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        if (!CardAccess.mayHandle(user, invoice.clientAddedByTutorId())) {
            return Optional.empty();
        }
        ClientPayer payer = cards.payer(invoice.clientId()).orElseThrow();
        List<PaymentAttempt> all = attempts.findByInvoiceIdOrderByAttemptNumberAsc(invoiceId);
        Map<Long, Integer> numbers = new HashMap<>();
        List<InvoiceCardPanel.AttemptRow> rows = all.stream().map(a -> {
            numbers.put(a.getId(), a.getAttemptNumber());
            return new InvoiceCardPanel.AttemptRow(a.getAttemptNumber(), a.getKind(), a.getRequestedVia(),
                    a.getCreatedAt(), a.getAmountMinor(), a.getCardLabel(), a.getStatus(), a.getFailureReason(),
                    a.getStripePaymentIntentId(), a.getStatus() == AttemptStatus.SUCCEEDED ? cardRefunds.refundable(a) : 0);
        }).toList();
        List<InvoiceCardPanel.RefundRow> refundRows = refunds.findByInvoiceIdOrderByRefundNumberAsc(invoiceId).stream()
                .map(r -> new InvoiceCardPanel.RefundRow(r.getRefundNumber(), numbers.getOrDefault(r.getAttemptId(), 0),
                        r.getCreatedAt(), r.getAmountMinor(), r.getReason(), r.getStatus(), r.getFailureReason()))
                .toList();
        boolean open = invoice.state() == InvoiceState.OPEN;
        // An invoice's total is hidden from a tutor when it has other tutors' sessions (issue 7): neither a
        // charge of it nor its Pay now link (Stripe's page shows the total) is theirs.
        boolean redacted = guard.totalHiddenFrom(user, invoiceId);
        boolean offered = open && payer.autopay() && !redacted;
        Optional<PaymentAttempt> inFlight = all.stream().filter(PaymentAttempt::inFlight).findFirst();
        boolean configured = guard.configured();
        String reason = !configured ? CardPaymentsNotConfiguredException.MESSAGE
                : payer.card() == null ? "No card on file: send the card setup link from the client's page"
                : inFlight.isPresent() && inFlight.get().getKind() == AttemptKind.CHECKOUT
                        ? "The client has the Pay now page open"
                        : inFlight.isPresent() && !(inFlight.get().getStripePaymentIntentId() == null
                                && inFlight.get().leaseFree(clock.instant())) ? "A charge is in progress"
                        : null;
        String card = payer.card() == null ? null : payer.card().label() + ", expires " + payer.card().expiry();
        URI payLink = open && !redacted ? links.payLinkFor(invoiceId).orElse(null) : null;
        return Optional.of(new InvoiceCardPanel(configured, offered, offered && reason == null, reason, card, payLink,
                rows, refundRows, configured));
    }
}
