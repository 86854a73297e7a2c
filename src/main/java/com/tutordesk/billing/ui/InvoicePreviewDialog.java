package com.tutordesk.billing.ui;

import com.tutordesk.billing.InvoiceCandidates;
import com.tutordesk.billing.InvoiceTotals;
import com.tutordesk.billing.NewInvoice;
import com.tutordesk.session.BillableSession;
import com.tutordesk.settings.BusinessProfile;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import java.time.LocalDate;
import java.util.List;

/**
 * Create Invoice's preview: the invoice as it would be issued (bill-to, dates, the chosen sessions,
 * adjustments and total, amounts in the business currency). Shows what is chosen; saves nothing.
 */
final class InvoicePreviewDialog extends Dialog {

    /**
     * @param issueDate the business-local date the invoice would be issued (today, or the scheduled day)
     * @param draft     whether it is saved as a draft (the issue date is then the day it is sent)
     * @param dueDate   the chosen due date, or {@code null} when none is chosen yet
     */
    InvoicePreviewDialog(InvoiceCandidates candidates, BusinessProfile profile, List<BillableSession> selected,
            List<NewInvoice.Adjustment> adjustments, LocalDate issueDate, boolean draft, LocalDate dueDate) {
        setHeaderTitle("Preview: invoice for " + candidates.clientName());
        setWidth("min(52rem, 95vw)");
        Div facts = new Div();
        facts.addClassName("details-grid");
        BillingUi.fact(facts, "Bill to", candidates.billToName() + " <" + candidates.billToEmail() + ">");
        if (candidates.billToAddress() != null && !candidates.billToAddress().isBlank()) {
            BillingUi.fact(facts, "Address", candidates.billToAddress());
        }
        BillingUi.fact(facts, "Issue date", profile.formatDate(issueDate) + (draft ? " (when sent)" : ""));
        BillingUi.fact(facts, "Due date", dueDate == null ? "—" : profile.formatDate(dueDate));
        Grid<BillableSession> lines = new Grid<>();
        lines.addColumn(s -> profile.formatDate(profile.local(s.startsAt()).toLocalDate())).setHeader("Date");
        lines.addColumn(BillableSession::studentName).setHeader("Student");
        lines.addColumn(BillableSession::subjectName).setHeader("Subject");
        lines.addColumn(s -> BusinessProfile.formatDuration(s.durationMinutes())).setHeader("Duration")
                .setTextAlign(ColumnTextAlign.END);
        lines.addColumn(s -> profile.formatMoney(s.clientAmountMinor())).setHeader("Amount")
                .setTextAlign(ColumnTextAlign.END);
        lines.setItems(selected);
        lines.setAllRowsVisible(true);
        lines.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(facts, lines);
        InvoiceTotals sums = InvoiceTotals.of(selected.stream().map(BillableSession::clientAmountMinor).toList(),
                adjustments.stream().map(NewInvoice.Adjustment::amountMinor).toList());
        add(BillingUi.summaryLine("Sessions", profile.formatMoney(sums.linesMinor())));
        for (NewInvoice.Adjustment adjustment : adjustments) {
            add(BillingUi.summaryLine("Adjustment: " + adjustment.memo(), profile.formatMoney(adjustment.amountMinor())));
        }
        Div total = BillingUi.summaryLine("Total", profile.formatMoney(sums.totalMinor()));
        total.addClassName("invoice-summary-total");
        add(total);
        getFooter().add(new Button("Close", click -> close()));
    }
}
