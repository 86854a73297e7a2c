package com.tutordesk.payment.ui;

import com.tutordesk.payment.ConfirmAndCharge;
import com.tutordesk.payment.ChargeResult;
import com.tutordesk.session.SessionPage;
import com.tutordesk.session.SessionPageAction;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Confirm &amp; Charge on the session page (issue 8): for a completed, unbilled session of an autopay
 * client, in place of "Send invoice". The confirmation shows the amount and the card; confirming
 * issues a one-session invoice and charges the card.
 */
@Component
class SessionChargeAction implements SessionPageAction {

    private final ConfirmAndCharge charges;
    private final SettingsService settings;

    SessionChargeAction(ConfirmAndCharge charges, SettingsService settings) {
        this.charges = charges;
        this.settings = settings;
    }

    @Override
    public Optional<Shown> create(SessionPage page, Runnable reload) {
        return charges.offerFor(page).map(offer -> {
            BusinessProfile profile = settings.profile();
            Button button = new Button("Confirm & Charge", VaadinIcon.CREDIT_CARD.create());
            button.setId("session-confirm-charge");
            button.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            button.setEnabled(offer.enabled());
            button.addClickListener(click -> {
                ConfirmDialog dialog = new ConfirmDialog();
                dialog.setId("confirm-charge-dialog");
                dialog.setHeader("Confirm & Charge");
                Paragraph what = new Paragraph("Charge " + profile.formatMoney(offer.amountMinor()) + " to "
                        + offer.cardLabel() + " (expires " + offer.cardExpiry() + ") of " + offer.clientName() + "?");
                what.addClassName("confirm-charge-amount");
                dialog.setText(new Div(what, new Paragraph("An invoice is issued for this session and charged at once;"
                        + " the client receives a receipt by email.")));
                dialog.setCancelable(true);
                dialog.setConfirmText("Charge " + profile.formatMoney(offer.amountMinor()));
                dialog.addConfirmListener(confirmed -> charge(offer, reload));
                dialog.open();
            });
            Div action = new Div(button, PaymentUi.disabledReason(offer.disabledReason(), "session-charge-disabled-reason"));
            action.addClassName("session-charge");
            // With the charge possible, "Send invoice" would issue the same invoice (and charge it too).
            return new Shown(action, offer.enabled());
        });
    }

    private void charge(ConfirmAndCharge.ChargeOffer offer, Runnable reload) {
        try {
            ChargeResult result = charges.confirmAndCharge(offer.sessionId(), offer.amountMinor());
            PaymentUi.notify(result.message(), result.outcome().problem());
        } catch (RuleViolationException | NotFoundException | AccessDeniedException e) {
            PaymentUi.notify(e.getMessage(), true);
        }
        reload.run();
    }
}
