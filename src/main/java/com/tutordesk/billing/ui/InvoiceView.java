package com.tutordesk.billing.ui;

import com.tutordesk.billing.InvoiceDetails;
import com.tutordesk.billing.InvoicePageSection;
import com.tutordesk.billing.InvoicePayment;
import com.tutordesk.billing.InvoiceIssuingService;
import com.tutordesk.billing.InvoiceQueryService;
import com.tutordesk.billing.InvoiceSettlementService;
import com.tutordesk.billing.ManualPayment;
import com.tutordesk.billing.PaymentMethod;
import com.tutordesk.mail.MailState;
import com.tutordesk.mail.OutboxMessage;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.shared.ui.DateFields;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;

/**
 * One invoice ({@code /invoices/{id}}): number, client and billing contact, dates, lines,
 * adjustments, total, state, payments and the emails sent; Download PDF, Resend, Mark as Paid,
 * Undo of a manual payment (admins, with a reason), Cancel Invoice (open, or paid once its payments
 * are undone or refunded), and for drafts Send now and Delete draft. Buttons show only what the service
 * allows the viewer in this state; the service checks again. Another tutor's invoice, like a missing
 * id, shows "not found".
 */
@Route("invoices/:invoiceId(\\d{1,18})")
@RolesAllowed({"ADMIN", "TUTOR"})
class InvoiceView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    final Div facts = new Div();
    final Grid<InvoiceDetails.Line> lines = new Grid<>();
    final Div totals = new Div();
    final Anchor downloadPdf = new Anchor();
    final Button resend = new Button("Resend", VaadinIcon.ENVELOPE_O.create());
    final Button markPaid = new Button("Mark as Paid", VaadinIcon.CHECK.create());
    final Button cancel = new Button("Cancel Invoice");
    final Button sendNow = new Button("Send now", VaadinIcon.PAPERPLANE_O.create());
    final Button deleteDraft = new Button("Delete draft");
    final Span status = new Span();
    Dialog paymentDialog;
    Select<PaymentMethod> paymentMethod;
    DatePicker paymentDate;
    TextField paymentReference;
    ConfirmDialog cancelDialog;
    Dialog undoDialog;
    TextArea undoReason;

    private final InvoiceQueryService invoices;
    private final InvoiceIssuingService issuing;
    private final InvoiceSettlementService settlement;
    private final BusinessProfile profile;
    private final Clock clock;
    private final ObjectProvider<InvoicePageSection> sections;
    private final com.tutordesk.billing.OverdueReminders reminders;
    private InvoiceDetails invoice;
    private String title = "Invoice · Tutordesk";

    InvoiceView(InvoiceQueryService invoices, InvoiceIssuingService issuing, InvoiceSettlementService settlement,
            SettingsService settings, Clock clock, ObjectProvider<InvoicePageSection> sections,
            com.tutordesk.billing.OverdueReminders reminders) {
        this.sections = sections;
        this.reminders = reminders;
        this.invoices = invoices;
        this.issuing = issuing;
        this.settlement = settlement;
        this.profile = settings.profile();
        this.clock = clock;
        addClassName("invoice-view");
        // The page stays put after these two, so a double click would reach the server twice.
        resend.setDisableOnClick(true);
        sendNow.setDisableOnClick(true);
        resend.addClickListener(click -> act(() -> "Invoice email " + issuing.resend(invoice.id())));
        markPaid.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        markPaid.addClickListener(click -> openPaymentDialog());
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(click -> openCancelDialog());
        sendNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        sendNow.addClickListener(click -> act(() -> {
            issuing.sendNow(invoice.id());
            return "Invoice issued" + invoices.latestEmailNote(invoice.id()).map(note -> "; email " + note).orElse("");
        }));
        deleteDraft.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        deleteDraft.addClickListener(click -> {
            try {
                settlement.deleteDraft(invoice.id());
                BillingUi.notify("Draft deleted", false);
                UI.getCurrent().navigate("payments");
            } catch (RuleViolationException | AccessDeniedException | NotFoundException e) {
                BillingUi.notify(e.getMessage(), true);
            }
        });
        downloadPdf.getElement().setAttribute("download", true);
        Button pdfButton = new Button("Download PDF", VaadinIcon.DOWNLOAD.create());
        downloadPdf.add(pdfButton);
        downloadPdf.setId("download-pdf");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("invoiceId").orElseThrow();
        show(invoices.details(id));
    }

    private void show(InvoiceDetails details) {
        this.invoice = details;
        title = details.title() + " · " + details.clientName() + " · Tutordesk";
        removeAll();
        status.removeAll();
        status.add(BillingBadges.status(details.status(), details.sendOn()));

        H2 heading = new H2(details.title());
        Div header = new Div(heading, status);
        header.addClassName("invoice-header");

        facts.removeAll();
        facts.addClassName("details-grid");
        BillingUi.fact(facts, "Client", details.clientName());
        BillingUi.fact(facts, "Bill to", details.billToName() + " <" + details.billToEmail() + ">"
                + (details.billToAddress() == null || details.billToAddress().isBlank() ? ""
                        : "\n" + details.billToAddress()));
        BillingUi.fact(facts, "Issue date", details.issueDate() == null ? "Not issued yet" : profile.formatDate(details.issueDate()));
        BillingUi.fact(facts, "Due date", profile.formatDate(details.dueDate()));
        BillingUi.fact(facts, "Status", statusText(details));
        if (details.sendProblem() != null) {
            BillingUi.fact(facts, "Scheduled send", details.sendProblem());
        }

        lines.removeAllColumns();
        lines.setId("invoice-lines");
        lines.addColumn(l -> profile.formatDate(profile.local(l.startsAt()).toLocalDate())).setHeader("Date")
                .setKey("date").setAutoWidth(true).setFlexGrow(0);
        lines.addColumn(InvoiceDetails.Line::studentName).setHeader("Student").setKey("student").setFlexGrow(1);
        lines.addColumn(l -> l.subjectName() + (l.lateCancelled() ? " (late cancellation)" : "")).setHeader("Subject")
                .setKey("subject").setFlexGrow(1);
        lines.addColumn(InvoiceDetails.Line::tutorName).setHeader("Tutor").setKey("tutor").setFlexGrow(1);
        lines.addColumn(l -> BusinessProfile.formatDuration(l.durationMinutes())).setHeader("Duration").setKey("duration")
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        lines.addColumn(l -> l.rateMinor() == null ? "—" : profile.formatMoney(l.rateMinor()) + "/h").setHeader("Rate")
                .setKey("rate").setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        lines.addColumn(l -> l.amountMinor() == null ? "—" : profile.formatMoney(l.amountMinor())).setHeader("Amount")
                .setKey("amount").setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        lines.setItems(details.lines());
        lines.setAllRowsVisible(true);
        lines.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        lines.addItemClickListener(click -> UI.getCurrent().navigate("sessions/" + click.getItem().sessionId()));

        totals.removeAll();
        totals.addClassName("invoice-summary");
        totals.setId("invoice-totals");
        if (details.linesTotalMinor() != null) {
            totals.add(BillingUi.summaryLine("Sessions (" + details.lines().size() + ")", profile.formatMoney(details.linesTotalMinor())));
        }
        for (InvoiceDetails.Adjustment adjustment : details.adjustments()) {
            totals.add(BillingUi.summaryLine("Adjustment: " + adjustment.memo(), profile.formatMoney(adjustment.amountMinor())));
        }
        if (details.totalMinor() != null) {
            Div total = BillingUi.summaryLine("Total", profile.formatMoney(details.totalMinor()));
            total.addClassName("invoice-summary-total");
            totals.add(total);
        } else {
            totals.add(BillingUi.summaryLine("Your sessions", profile.formatMoney(details.ownLinesMinor())));
            Span note = new Span("Amounts of other tutors' sessions are not shown.");
            note.addClassName("subtitle");
            totals.add(note);
        }

        downloadPdf.setHref(pdfHandler(details.id()));
        downloadPdf.setVisible(details.allowed().downloadPdf());
        resend.setVisible(details.allowed().resend());
        markPaid.setVisible(details.allowed().markPaid());
        cancel.setVisible(details.allowed().cancel());
        sendNow.setVisible(details.allowed().sendNow());
        deleteDraft.setVisible(details.allowed().deleteDraft());
        Div actions = new Div(downloadPdf, sendNow, resend, markPaid, cancel, deleteDraft);
        actions.addClassName("invoice-actions");

        add(new Anchor("payments", "← Payments"), header, actions);
        if (details.cancelBlockedReason() != null) {
            Paragraph blocked = new Paragraph(details.cancelBlockedReason() + ".");
            blocked.setId("invoice-cancel-blocked");
            blocked.addClassName("subtitle");
            add(blocked);
        }
        add(facts, new H3("Sessions"), lines, totals);
        add(new H3("Payments"), payments(details));
        // Sections of modules above billing (card payments), without a dependency on them.
        sections.orderedStream().forEach(section -> add(section.create(details, () -> show(invoices.details(details.id())))));
        add(new H3("Emails"), emails(details));
        var sent = reminders.remindersOf(details.id());
        if (!sent.isEmpty()) {
            add(new H3("Overdue reminders"), OverdueReminderList.of(sent, profile));
        }
    }

    private String statusText(InvoiceDetails details) {
        return switch (details.status()) {
            case DRAFT -> details.sendOn() != null ? "Scheduled: issued and emailed on "
                    + profile.formatDate(details.sendOn()) : "Draft: not sent";
            case OUTSTANDING -> "Outstanding";
            case OVERDUE -> "Overdue since " + profile.formatDate(details.dueDate().plusDays(1));
            case PAID -> "Paid";
            case CANCELLED -> "Cancelled: its sessions are unbilled again";
        };
    }

    private Div payments(InvoiceDetails details) {
        Div list = new Div();
        list.addClassName("invoice-payments");
        list.setId("invoice-payments");
        if (details.payments().isEmpty()) {
            list.add(new Paragraph("No payment recorded."));
        }
        for (InvoiceDetails.Payment payment : details.payments()) {
            Paragraph line = new Paragraph((payment.amountMinor() == null ? ""
                    : profile.formatMoney(payment.amountMinor()) + " · ")
                    + payment.method().label() + " · "
                    + profile.formatDate(payment.paidOn())
                    + (payment.reference() == null ? "" : " · Ref. " + payment.reference())
                    + (payment.undone() ? " · undone " + profile.formatDateTime(payment.undoneAt()) + ": "
                            + payment.undoReason() : ""));
            line.addClassName(payment.undone() ? "invoice-payment-undone" : "invoice-payment");
            if (payment.mayUndo()) {
                Button undo = new Button("Undo…", click -> openUndoDialog(payment));
                undo.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
                undo.setId("undo-payment-" + payment.id());
                line.add(new Span(" "), undo);
            }
            list.add(line);
        }
        return list;
    }

    private Div emails(InvoiceDetails details) {
        Div list = new Div();
        list.addClassName("invoice-emails");
        list.setId("invoice-emails");
        if (details.emails().isEmpty()) {
            list.add(new Paragraph(details.state() == com.tutordesk.billing.InvoiceState.DRAFT
                    ? "Not sent yet." : "No email sent."));
        }
        for (OutboxMessage email : details.emails()) {
            String when = email.state() == MailState.SENT
                    ? "Sent to " + String.join(", ", email.recipients()) + " at " + profile.formatDateTime(email.sentAt())
                    : String.join(", ", email.recipients()) + " · " + stateText(email)
                            + " (queued " + profile.formatDateTime(email.createdAt()) + ")";
            list.add(new Paragraph(when));
        }
        return list;
    }

    /** @return e.g. "Held: no mail server configured" or "Retrying — Not sent yet: …" */
    private static String stateText(OutboxMessage email) {
        String reason = email.reason();
        String label = email.state().label();
        if (reason.isEmpty()) {
            return label;
        }
        if (reason.toLowerCase(java.util.Locale.ROOT).startsWith(label.toLowerCase(java.util.Locale.ROOT))) {
            return Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
        }
        return label + " — " + reason;
    }

    private DownloadHandler pdfHandler(long id) {
        return download -> {
            download.setFileName(invoices.pdfFileName(id));
            download.setContentType("application/pdf");
            download.getOutputStream().write(invoices.pdf(id));
        };
    }

    void openPaymentDialog() {
        paymentDialog = new Dialog();
        paymentDialog.setHeaderTitle("Mark " + invoice.title() + " as paid");
        paymentMethod = new Select<>();
        paymentMethod.setLabel("Method");
        paymentMethod.setItems(PaymentMethod.manual());
        paymentMethod.setItemLabelGenerator(PaymentMethod::label);
        paymentMethod.setValue(PaymentMethod.BANK_TRANSFER);
        paymentDate = new DatePicker("Date received");
        DateFields.configure(paymentDate, profile.locale());
        paymentDate.setValue(profile.today(clock));
        paymentDate.setMax(profile.today(clock));
        paymentReference = new TextField("Reference");
        paymentReference.setMaxLength(InvoicePayment.REFERENCE_MAX_LENGTH);
        paymentReference.setPlaceholder("Cheque number, transfer reference…");
        paymentReference.setWidthFull();
        paymentReference.setId("payment-reference");
        Paragraph amount = new Paragraph(invoice.totalMinor() == null ? "Records payment of the invoice total."
                : "Records a payment of " + profile.formatMoney(invoice.totalMinor()) + ", the invoice total.");
        paymentDialog.add(amount, new Div(paymentMethod, paymentDate), paymentReference);
        Button confirm = new Button("Mark as Paid", click -> confirmPayment());
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("confirm-payment");
        paymentDialog.getFooter().add(new Button("Cancel", click -> paymentDialog.close()), confirm);
        paymentDialog.open();
    }

    void confirmPayment() {
        paymentMethod.setInvalid(false);
        paymentDate.setInvalid(false);
        paymentReference.setInvalid(false);
        try {
            settlement.markPaid(invoice.id(), new ManualPayment(paymentMethod.getValue(), paymentDate.getValue(),
                    paymentReference.getValue()));
            paymentDialog.close();
            BillingUi.notify("Marked as paid", false);
            show(invoices.details(invoice.id()));
        } catch (InvalidFieldException e) {
            switch (e.field()) {
                case "method" -> {
                    paymentMethod.setErrorMessage(e.getMessage());
                    paymentMethod.setInvalid(true);
                }
                case "paidOn" -> {
                    paymentDate.setErrorMessage(e.getMessage());
                    paymentDate.setInvalid(true);
                }
                default -> {
                    paymentReference.setErrorMessage(e.getMessage());
                    paymentReference.setInvalid(true);
                }
            }
        } catch (RuleViolationException | AccessDeniedException | NotFoundException e) {
            paymentDialog.close();
            BillingUi.notify(e.getMessage(), true);
        }
    }

    /** Undo of a manual payment recorded by mistake (issue 12): a reason is required and kept on the invoice. */
    void openUndoDialog(InvoiceDetails.Payment payment) {
        undoDialog = new Dialog();
        undoDialog.setHeaderTitle("Undo the payment of " + invoice.title() + "?");
        undoReason = new TextArea("Reason");
        undoReason.setPlaceholder("e.g. recorded on the wrong invoice, cheque bounced");
        undoReason.setHelperText("Kept on the invoice. The invoice becomes outstanding again.");
        undoReason.setWidthFull();
        undoReason.setId("undo-reason");
        undoDialog.add(new Paragraph((payment.amountMinor() == null ? "" : profile.formatMoney(payment.amountMinor())
                + " · ") + payment.method().label() + " · " + profile.formatDate(payment.paidOn())), undoReason);
        Button confirm = new Button("Undo payment", click -> {
            try {
                settlement.undoPayment(invoice.id(), payment.id(), undoReason.getValue());
                undoDialog.close();
                BillingUi.notify("Payment undone: " + invoice.title() + " is outstanding again", false);
                show(invoices.details(invoice.id()));
            } catch (InvalidFieldException e) {
                undoReason.setErrorMessage(e.getMessage());
                undoReason.setInvalid(true);
            } catch (RuleViolationException | AccessDeniedException | NotFoundException e) {
                undoDialog.close();
                BillingUi.notify(e.getMessage(), true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setId("confirm-undo-payment");
        undoDialog.getFooter().add(new Button("Keep it", click -> undoDialog.close()), confirm);
        undoDialog.open();
    }

    void openCancelDialog() {
        int count = invoice.lines().size();
        cancelDialog = new ConfirmDialog("Cancel " + invoice.title() + "?",
                "The invoice is cancelled for good (its number stays used) and its " + count + " session"
                        + (count == 1 ? " becomes" : "s become") + " unbilled again, ready for a new invoice.",
                "Cancel Invoice", confirmed -> act(() -> {
                    int freed = settlement.cancel(invoice.id());
                    return "Invoice cancelled; " + freed + " session" + (freed == 1 ? " is" : "s are") + " unbilled again";
                }));
        cancelDialog.setConfirmButtonTheme("error primary");
        cancelDialog.setCancelable(true);
        cancelDialog.setCancelText("Keep it");
        cancelDialog.open();
    }

    private void act(Supplier<String> action) {
        try {
            String done = action.get();
            BillingUi.notify(done, false);
            show(invoices.details(invoice.id()));
        } catch (RuleViolationException | AccessDeniedException | NotFoundException e) {
            BillingUi.notify(e.getMessage(), true);
        } finally {
            resend.setEnabled(true);
            sendNow.setEnabled(true);
        }
    }




    @Override
    public String getPageTitle() {
        return title;
    }
}
