package com.tutordesk.prepaid.ui;

import com.tutordesk.prepaid.PackageRefunds;
import com.tutordesk.prepaid.PackageRow;
import com.tutordesk.prepaid.PackageState;
import com.tutordesk.prepaid.PrepaidService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.shared.PdfLook;
import com.tutordesk.shared.RuleViolationException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.Clock;
import java.util.List;

/**
 * The "Prepaid packages" section of the client and engagement pages (issue 17): every purchase with
 * bought, used and left (h:mm), its state, price and invoice, the sessions that used it, and what is left
 * in all ("8 h 30 min left"); admins may refund a package's unused hours, and a refunded package says how
 * the money went back ("Refunded $360.00 to the card ending 4242").
 */
final class PackagesSection {

    private PackagesSection() {
    }

    /**
     * @param rows     the packages, as the service returned them for the viewer
     * @param sellLink where "Sell a package" goes (Create Invoice for the client), or {@code null} for none
     * @param reload   redraws the page after a refund
     */
    static Component create(List<PackageRow> rows, PrepaidService prepaid, PackageRefunds refunds,
            BusinessProfile profile, Clock clock, String sellLink, Runnable reload) {
        Div section = new Div();
        section.addClassName("prepaid-packages");
        section.setId("prepaid-packages");
        section.add(new H3("Prepaid packages"));
        int left = rows.stream().mapToInt(PackageRow::minutesLeft).sum();
        Paragraph summary = new Paragraph(rows.isEmpty() ? "No prepaid packages."
                : BusinessProfile.formatDuration(left) + " left");
        summary.setId("prepaid-left");
        section.add(summary);
        if (sellLink != null) {
            Anchor sell = new Anchor(sellLink, "Sell a package");
            sell.setId("prepaid-sell");
            section.add(sell);
        }
        if (rows.isEmpty()) {
            return section;
        }
        Grid<PackageRow> grid = new Grid<>();
        grid.setId("prepaid-grid");
        grid.addColumn(PackageRow::engagementLabel).setHeader("Engagement").setKey("engagement").setFlexGrow(2);
        grid.addColumn(row -> PdfLook.hoursMinutes(row.minutesBought())).setHeader("Bought").setKey("bought")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> PdfLook.hoursMinutes(row.minutesUsed())).setHeader("Used").setKey("used")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> PdfLook.hoursMinutes(row.minutesLeft())).setHeader("Left").setKey("left")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> row.state() == PackageState.REFUNDED && row.refund() != null
                ? RefundTexts.describe(row, profile) : row.state().label()).setHeader("State").setKey("state")
                .setAutoWidth(true);
        grid.addColumn(row -> profile.formatMoney(row.priceMinor())).setHeader("Price").setKey("price")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(row -> new Anchor("invoices/" + row.invoiceId(),
                row.invoiceNumber() == null ? "Draft" : row.invoiceNumber())).setHeader("Invoice").setKey("invoice")
                .setAutoWidth(true);
        grid.addComponentColumn(PackagesSection::uses).setHeader("Sessions").setKey("sessions").setFlexGrow(2);
        if (prepaid.mayRefund()) {
            grid.addComponentColumn(row -> refundButton(row, refunds, profile, clock, reload)).setKey("refund")
                    .setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        section.add(grid);
        return section;
    }

    private static Component uses(PackageRow row) {
        Div links = new Div();
        if (row.uses().isEmpty()) {
            links.add(new Span("—"));
        }
        for (PackageRow.Use use : row.uses()) {
            links.add(new Anchor("sessions/" + use.sessionId(), BusinessProfile.formatDuration(use.minutes())),
                    new Span(" "));
        }
        return links;
    }

    private static Component refundButton(PackageRow row, PackageRefunds refunds, BusinessProfile profile,
            Clock clock, Runnable reload) {
        Button refund = new Button("Refund unused hours");
        refund.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        refund.setVisible(row.packageId() != null && row.state() == PackageState.ACTIVE);
        refund.addClickListener(click -> {
            try {
                new RefundUnusedDialog(refunds, refunds.offer(row.packageId()), profile, clock, reload).open();
            } catch (RuleViolationException e) {
                Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                reload.run();
            }
        });
        return refund;
    }
}
