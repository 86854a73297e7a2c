package com.tutordesk.prepaid.ui;

import com.tutordesk.billing.PaymentMethod;
import com.tutordesk.prepaid.ManualRefund;
import com.tutordesk.prepaid.PackageRefundResult;
import com.tutordesk.prepaid.PackageRefunds;
import com.tutordesk.prepaid.RefundOffer;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.shared.ui.DateFields;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;

/**
 * "Refund unused hours" (issue 17): says what goes and how the value goes back, then does it. Paid by card:
 * "Refund $360.00 to the card ending 4242" (a Stripe refund). Paid by hand: the office pays it back and
 * records method, date and reference, as "Mark as paid". The notification says exactly what happened:
 * refunded, pending at Stripe, declined (hours unchanged) or no answer (hours unchanged).
 */
final class RefundUnusedDialog extends Dialog {

    final Paragraph text = new Paragraph();
    final Select<PaymentMethod> method = new Select<>();
    final DatePicker refundedOn = new DatePicker("Refund date");
    final TextField reference = new TextField("Reference (optional)");
    final Button confirm = new Button();

    private final Runnable reload;

    RefundUnusedDialog(PackageRefunds refunds, RefundOffer offer, BusinessProfile profile, Clock clock,
            Runnable reload) {
        this.reload = reload;
        setHeaderTitle("Refund the unused hours?");
        setId("refund-unused-dialog");
        String unused = BusinessProfile.formatDuration(offer.minutesLeft());
        String value = profile.formatMoney(offer.valueMinor());
        text.setId("refund-unused-text");
        add(text);
        confirm.setId("refund-unused-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        // A double click must not send two requests (the key would make the second one harmless anyway).
        confirm.setDisableOnClick(true);
        switch (offer.way()) {
            case CARD -> {
                String card = offer.cardLast4() == null ? "the card it was paid with" : "the card ending " + offer.cardLast4();
                text.setText(unused + " of this package are unused. They are removed and " + value
                        + " (their value at the package's price) is refunded to " + card + " through Stripe.");
                confirm.setText("Refund " + value + " to the card");
                confirm.addClickListener(click -> finish(() -> refunds.refundToCard(offer.packageId())));
            }
            case NOTHING_TO_PAY -> {
                text.setText(unused + " of this package are unused. They are removed; the package was free, so"
                        + " there is nothing to pay back.");
                confirm.setText("Remove the unused hours");
                confirm.addClickListener(click -> finish(() -> refunds.refundToCard(offer.packageId())));
            }
            case MANUAL -> {
                text.setText(unused + " of this package are unused. They are removed. The invoice was paid by hand:"
                        + " pay " + value + " back to the family, then record how.");
                method.setLabel("Refunded by");
                method.setItems(PaymentMethod.manual());
                method.setItemLabelGenerator(PaymentMethod::label);
                method.setId("refund-method");
                DateFields.configure(refundedOn, profile.locale());
                refundedOn.setValue(profile.today(clock));
                refundedOn.setMax(profile.today(clock));
                refundedOn.setId("refund-date");
                reference.setMaxLength(120);
                reference.setId("refund-reference");
                add(method, refundedOn, reference);
                confirm.setText("Record refund of " + value);
                confirm.addClickListener(click -> finish(() -> refunds.refundManually(offer.packageId(),
                        new ManualRefund(method.getValue(), refundedOn.getValue(), reference.getValue()))));
            }
        }
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, confirm);
    }

    private void finish(java.util.function.Supplier<PackageRefundResult> action) {
        method.setInvalid(false);
        refundedOn.setInvalid(false);
        reference.setInvalid(false);
        try {
            PackageRefundResult result = action.get();
            Notification.show(result.message(), result.refunded() ? 6000 : 10000,
                    result.refunded() ? Notification.Position.BOTTOM_START : Notification.Position.MIDDLE)
                    .addThemeVariants(result.refunded() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
            close();
            reload.run();
        } catch (InvalidFieldException e) {
            switch (e.field()) {
                case "method" -> { method.setErrorMessage(e.getMessage()); method.setInvalid(true); }
                case "refundedOn" -> { refundedOn.setErrorMessage(e.getMessage()); refundedOn.setInvalid(true); }
                case "reference" -> { reference.setErrorMessage(e.getMessage()); reference.setInvalid(true); }
                default -> error(e.getMessage());
            }
            confirm.setEnabled(true);
        } catch (RuleViolationException e) {
            error(e.getMessage());
            close();
            reload.run();
        }
    }

    private static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
