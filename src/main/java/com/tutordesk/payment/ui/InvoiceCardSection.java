package com.tutordesk.payment.ui;

import com.tutordesk.billing.InvoiceDetails;
import com.tutordesk.billing.InvoicePageSection;
import com.tutordesk.payment.AttemptStatus;
import com.tutordesk.payment.CardChargeService;
import com.tutordesk.payment.CardRefunds;
import com.tutordesk.payment.InvoiceCardPanel;
import com.tutordesk.payment.InvoiceCardPanels;
import com.tutordesk.payment.ChargeResult;
import com.tutordesk.payment.PaymentRefund;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.Money;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The invoice page's "Card payments" section: the client's card and Charge card now (autopay
 * clients, open invoices), the Pay now link, every attempt with its outcome (succeeded, declined with
 * the reason, needs the cardholder's authentication…), refunds with their reasons, and Refund.
 */
@org.springframework.stereotype.Component
class InvoiceCardSection implements InvoicePageSection {

    private final InvoiceCardPanels panels;
    private final CardChargeService charges;
    private final CardRefunds refunds;
    private final SettingsService settings;

    InvoiceCardSection(InvoiceCardPanels panels, CardChargeService charges, CardRefunds refunds,
            SettingsService settings) {
        this.panels = panels;
        this.refunds = refunds;
        this.charges = charges;
        this.settings = settings;
    }

    @Override
    public Component create(InvoiceDetails invoice, Runnable reload) {
        Div section = new Div();
        section.addClassName("invoice-card-payments");
        section.setId("invoice-card-payments");
        InvoiceCardPanel panel = panels.panel(invoice.id()).orElse(null);
        if (panel == null || (invoice.state() == com.tutordesk.billing.InvoiceState.DRAFT && panel.attempts().isEmpty())) {
            section.setVisible(false);
            return section;
        }
        BusinessProfile profile = settings.profile();
        section.add(new H3("Card payments"));

        Span card = new Span(panel.cardLabel() == null ? "No card on file" : "Card on file: " + panel.cardLabel());
        card.setId("invoice-card-on-file");
        card.addClassName("card-summary");
        Div top = new Div(card);
        top.addClassName("card-actions");
        if (panel.chargeOffered()) {
            Button charge = new Button("Charge card now", VaadinIcon.CREDIT_CARD.create());
            charge.setId("invoice-charge-now");
            charge.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            charge.setEnabled(panel.chargeEnabled());
            charge.setDisableOnClick(true);
            charge.addClickListener(click -> {
                try {
                    ChargeResult result = charges.chargeNow(invoice.id());
                    PaymentUi.notify(result.message(), result.outcome().problem());
                } catch (RuleViolationException | NotFoundException e) {
                    PaymentUi.notify(e.getMessage(), true);
                }
                reload.run();
            });
            top.add(charge, PaymentUi.disabledReason(panel.chargeDisabledReason(), "invoice-charge-disabled-reason"));
        } else if (!panel.configured()) {
            top.add(PaymentUi.disabledReason(com.tutordesk.payment.CardPaymentsNotConfiguredException.MESSAGE,
                    "invoice-charge-disabled-reason"));
        }
        section.add(top);
        if (panel.payLink() != null) {
            Anchor link = new Anchor(panel.payLink().toString(), "Pay now link");
            link.setTarget("_blank");
            link.setId("invoice-pay-link");
            Paragraph line = new Paragraph(new Span("The client can pay online with the "), link,
                    new Span(" (in the invoice email)."));
            line.addClassName("subtitle");
            section.add(line);
        }

        Grid<InvoiceCardPanel.AttemptRow> attempts = new Grid<>();
        attempts.setId("invoice-card-attempts");
        attempts.addColumn(a -> "#" + a.number()).setHeader("Attempt").setAutoWidth(true).setFlexGrow(0);
        attempts.addColumn(a -> profile.formatDateTime(a.createdAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        // Amounts of an invoice with other tutors' sessions are hidden from a tutor (issue 7).
        boolean hideAmounts = invoice.redacted();
        attempts.addColumn(a -> hideAmounts ? "—" : profile.formatMoney(a.amountMinor())).setHeader("Amount").setAutoWidth(true)
                .setFlexGrow(0);
        attempts.addColumn(a -> a.via().label() + (a.cardLabel() == null ? "" : " · " + a.cardLabel()))
                .setHeader("How").setFlexGrow(1);
        attempts.addComponentColumn(this::outcome).setHeader("Outcome").setFlexGrow(2);
        attempts.addComponentColumn(a -> refundButton(invoice, a, panel, reload)).setAutoWidth(true).setFlexGrow(0);
        attempts.setItems(panel.attempts());
        attempts.setAllRowsVisible(true);
        attempts.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        if (panel.attempts().isEmpty()) {
            Paragraph none = new Paragraph("No card payment attempted.");
            none.setId("invoice-card-no-attempts");
            section.add(none);
        } else {
            section.add(attempts);
        }

        if (!panel.refunds().isEmpty()) {
            Div list = new Div();
            list.setId("invoice-refunds");
            list.addClassName("invoice-refunds");
            for (InvoiceCardPanel.RefundRow refund : panel.refunds()) {
                Paragraph line = new Paragraph("Refund " + (invoice.redacted() ? "" : profile.formatMoney(
                        refund.amountMinor()) + " ") + "of payment #"
                        + refund.attemptNumber() + " · " + profile.formatDateTime(refund.createdAt()) + " · "
                        + refund.status().label() + (refund.failureReason() == null ? "" : ": " + refund.failureReason())
                        + " — " + refund.reason());
                line.addClassName("refund-" + refund.status().name().toLowerCase(Locale.ROOT));
                list.add(line);
            }
            if (!invoice.redacted()) {
                Paragraph total = new Paragraph("Refunded in total: " + profile.formatMoney(panel.refundedMinor()));
                total.addClassName("invoice-refunded-total");
                list.add(total);
            }
            section.add(new H3("Refunds"), list);
        }
        return section;
    }

    private Component outcome(InvoiceCardPanel.AttemptRow attempt) {
        Span badge = new Span(attempt.status().label());
        badge.addClassNames("status-badge", "attempt-" + attempt.status().name().toLowerCase(Locale.ROOT));
        Div cell = new Div(badge);
        if (attempt.reason() != null && attempt.status() != AttemptStatus.AUTHENTICATION_REQUIRED) {
            Span reason = new Span(" " + attempt.reason());
            reason.addClassName("attempt-reason");
            cell.add(reason);
        }
        return cell;
    }

    private Component refundButton(InvoiceDetails invoice, InvoiceCardPanel.AttemptRow attempt,
            InvoiceCardPanel panel, Runnable reload) {
        Button refund = new Button("Refund…");
        refund.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        refund.addClassName("attempt-refund");
        refund.setVisible(panel.mayRefund() && !invoice.redacted() && attempt.status() == AttemptStatus.SUCCEEDED
                && attempt.refundableMinor() > 0);
        refund.addClickListener(click -> openRefund(invoice, attempt, reload));
        return refund;
    }

    private void openRefund(InvoiceDetails invoice, InvoiceCardPanel.AttemptRow attempt, Runnable reload) {
        BusinessProfile profile = settings.profile();
        Dialog dialog = new Dialog();
        dialog.setId("refund-dialog");
        dialog.setHeaderTitle("Refund card payment #" + attempt.number() + " of " + invoice.title());
        BigDecimalField amount = new BigDecimalField("Amount to refund");
        amount.setId("refund-amount");
        amount.setValue(Money.of(attempt.refundableMinor(), profile.currency().getCurrencyCode()).toMajor());
        amount.setHelperText("At most " + profile.formatMoney(attempt.refundableMinor()) + "; a smaller amount is a"
                + " partial refund");
        TextArea reason = new TextArea("Reason");
        reason.setId("refund-reason");
        reason.setMaxLength(PaymentRefund.REASON_MAX_LENGTH);
        reason.setRequired(true);
        reason.setWidthFull();
        Button confirm = new Button("Refund", click -> {
            amount.setInvalid(false);
            reason.setInvalid(false);
            BigDecimal value = amount.getValue();
            long minor;
            try {
                if (value == null || value.signum() <= 0) {
                    throw new IllegalArgumentException("Amount must be more than zero");
                }
                minor = Money.parseMajor(value, profile.currency()).minor();
            } catch (IllegalArgumentException | ArithmeticException e) {
                amount.setErrorMessage(e instanceof ArithmeticException ? "The amount is too large" : e.getMessage());
                amount.setInvalid(true);
                return;
            }
            try {
                CardRefunds.RefundResult result = refunds.refund(invoice.id(), attempt.number(), minor, reason.getValue());
                dialog.close();
                PaymentUi.notify(result.message(), result.status() == PaymentRefund.Status.FAILED);
                reload.run();
            } catch (InvalidFieldException e) {
                if ("reason".equals(e.field())) {
                    reason.setErrorMessage(e.getMessage());
                    reason.setInvalid(true);
                } else {
                    amount.setErrorMessage(e.getMessage());
                    amount.setInvalid(true);
                }
            } catch (RuleViolationException | NotFoundException e) {
                dialog.close();
                PaymentUi.notify(e.getMessage(), true);
            }
        });
        confirm.setId("refund-confirm");
        // A partial refund leaves more to refund, so a second click of a double click would refund again.
        confirm.setDisableOnClick(true);
        confirm.addClickListener(click -> click.getSource().setEnabled(true));
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Div(amount), reason);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        dialog.open();
    }
}
