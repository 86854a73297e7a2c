package com.tutordesk.payment.ui;

import com.tutordesk.directory.ClientPageSection;
import com.tutordesk.mail.MailState;
import com.tutordesk.mail.OutboxMessage;
import com.tutordesk.payment.CardPaymentsNotConfiguredException;
import com.tutordesk.payment.CardsOnFile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * The client page's "Card on file" section: the card (brand, last 4, expiry), automatic payments,
 * Send card setup link, Enable / Turn off automatic payments and Remove card. Disabled with "Card
 * payments are not configured" while they are off.
 */
@org.springframework.stereotype.Component
class ClientCardSection implements ClientPageSection {

    private final CardsOnFile cards;
    private final SettingsService settings;

    ClientCardSection(CardsOnFile cards, SettingsService settings) {
        this.cards = cards;
        this.settings = settings;
    }

    @Override
    public Component create(long clientId, Runnable reload) {
        CardsOnFile.CardStatus status = cards.status(clientId);
        Div section = new Div();
        section.addClassName("card-on-file");
        section.setId("card-on-file");

        Span summary = new Span(status.card() == null ? "No card on file"
                : status.card().label() + " · expires " + status.card().expiry());
        summary.setId("card-summary");
        summary.addClassName("card-summary");
        Span autopay = new Span(status.autopay() ? "Automatic payments: on" : "Automatic payments: off");
        autopay.setId("card-autopay");
        autopay.addClassNames("status-badge", status.autopay() ? "card-autopay-on" : "card-autopay-off");
        Div facts = new Div(summary, autopay);
        facts.addClassName("card-facts");

        Button sendLink = new Button(status.card() == null ? "Send card setup link" : "Send link to replace the card",
                VaadinIcon.ENVELOPE_O.create());
        sendLink.setId("card-send-setup-link");
        sendLink.setDisableOnClick(true);
        sendLink.addClickListener(click -> run(() -> "Card setup link " + cards.sendSetupLink(clientId),
                reload, sendLink));

        Button enable = new Button("Enable automatic payments");
        enable.setId("card-enable-autopay");
        enable.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        enable.setVisible(!status.autopay());
        enable.setEnabled(status.configured() && status.card() != null);
        enable.addClickListener(click -> run(() -> {
            cards.setAutopay(clientId, true);
            return "Automatic payments on: invoices are charged to " + status.card().label() + " when issued";
        }, reload, null));

        Button disable = new Button("Turn off automatic payments");
        disable.setId("card-disable-autopay");
        disable.setVisible(status.autopay());
        disable.addClickListener(click -> run(() -> {
            cards.setAutopay(clientId, false);
            return "Automatic payments off: invoices are emailed with a Pay now link";
        }, reload, null));

        Button remove = new Button("Remove card");
        remove.setId("card-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.setVisible(status.card() != null);
        remove.addClickListener(click -> {
            ConfirmDialog dialog = new ConfirmDialog("Remove the card?", status.card().label()
                    + " is removed from the client and from Stripe; automatic payments stop.", "Remove card",
                    confirmed -> run(() -> {
                        cards.removeCard(clientId);
                        return "Card removed";
                    }, reload, null));
            dialog.setCancelable(true);
            dialog.setConfirmButtonTheme("error primary");
            dialog.open();
        });

        if (!status.configured()) {
            sendLink.setEnabled(false);
            remove.setEnabled(false);
        }
        String reason = !status.configured() ? CardPaymentsNotConfiguredException.MESSAGE
                : status.card() == null ? "Automatic payments need a card on file: send the card setup link to "
                        + status.contactEmail() : null;
        Div buttons = new Div(sendLink, enable, disable, remove, PaymentUi.disabledReason(reason, "card-disabled-reason"));
        buttons.addClassName("card-actions");

        section.add(new H3("Card on file"), facts, buttons);
        OutboxMessage last = status.lastSetupLink();
        if (last != null) {
            Paragraph sent = new Paragraph(last.state() == MailState.SENT
                    ? "Card setup link sent to " + String.join(", ", last.recipients()) + " at "
                            + settings.profile().formatDateTime(last.sentAt())
                    : "Card setup link to " + String.join(", ", last.recipients()) + ": " + last.state().label()
                            .toLowerCase() + " (queued " + settings.profile().formatDateTime(last.createdAt()) + ")");
            sent.setId("card-setup-link-state");
            sent.addClassName("subtitle");
            section.add(sent);
        }
        return section;
    }

    private interface Action {
        String run();
    }

    private static void run(Action action, Runnable reload, Button reenable) {
        try {
            PaymentUi.notify(action.run(), false);
            reload.run();
        } catch (RuleViolationException | NotFoundException e) {
            PaymentUi.notify(e.getMessage(), true);
            if (reenable != null) {
                reenable.setEnabled(true);
            }
        }
    }
}
