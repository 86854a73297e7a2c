package com.tutordesk.prepaid.ui;

import com.tutordesk.billing.InvoiceDetails;
import com.tutordesk.billing.InvoicePageSection;
import com.tutordesk.prepaid.PackageRow;
import com.tutordesk.prepaid.PrepaidService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;

/**
 * The invoice page's "Prepaid package refunds" (issue 17): for each package sold on the invoice whose unused
 * hours were refunded, what went back and how — to the card (the Stripe refund is also listed under the
 * card payments, with its status) or by hand with the office's method, date and reference. Hidden when
 * there is none, or the viewer may not see the client's packages.
 */
@org.springframework.stereotype.Component
class InvoicePackageRefundsSection implements InvoicePageSection {

    private final PrepaidService prepaid;
    private final SettingsService settings;

    InvoicePackageRefundsSection(PrepaidService prepaid, SettingsService settings) {
        this.prepaid = prepaid;
        this.settings = settings;
    }

    @Override
    public Component create(InvoiceDetails invoice, Runnable reload) {
        Div section = new Div();
        section.setId("invoice-package-refunds");
        List<PackageRow> refunded = prepaid.refundedOnInvoice(invoice.id());
        if (refunded.isEmpty()) {
            section.setVisible(false);
            return section;
        }
        BusinessProfile profile = settings.profile();
        section.add(new H3("Prepaid package refunds"));
        for (PackageRow row : refunded) {
            Paragraph line = new Paragraph(row.engagementLabel() + ": unused "
                    + BusinessProfile.formatDuration(row.refundedMinutes()) + " of "
                    + BusinessProfile.formatDuration(row.minutesBought()) + " — " + RefundTexts.describe(row, profile));
            line.addClassName("invoice-package-refund");
            section.add(line);
        }
        return section;
    }
}
