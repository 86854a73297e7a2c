package com.tutordesk.portal.ui;

import com.tutordesk.billing.FamilyInvoiceService;
import com.tutordesk.billing.InvoiceDetails;
import com.tutordesk.security.ClientAccessible;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;

/**
 * One of the family's invoices (issue 18): status, due date, what was billed, payments, Download PDF
 * and Pay now while it is open. Another family's invoice id, or a draft's, is "not found".
 */
@Route(value = "portal/invoices/:invoiceId(\\d{1,18})", layout = PortalLayout.class)
@RolesAllowed("CLIENT")
@ClientAccessible
class PortalInvoiceView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final Anchor downloadPdf = new Anchor();
    private final FamilyInvoiceService invoices;
    private final SettingsService settings;
    private String title = "Invoice · Tutordesk";

    PortalInvoiceView(FamilyInvoiceService invoices, SettingsService settings) {
        this.invoices = invoices;
        this.settings = settings;
        addClassName("portal-invoice-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = Long.parseLong(event.getRouteParameters().get("invoiceId").orElseThrow());
        FamilyInvoiceService.Details invoice = invoices.invoice(id);
        FamilyInvoiceService.Summary summary = invoice.summary();
        BusinessProfile business = settings.profile();
        removeAll();
        title = summary.number() + " · Tutordesk";
        Div head = new Div(new H1(summary.number()), PortalFormat.badge(summary.status()));
        head.addClassName("portal-card-head");
        Paragraph facts = new Paragraph("Total " + business.formatMoney(summary.totalMinor()) + " · issued "
                + business.formatDate(summary.issueDate()) + " · due " + business.formatDate(summary.dueDate()));
        facts.setId("portal-invoice-facts");
        add(head, facts);

        downloadPdf.setText("Download PDF");
        downloadPdf.setId("portal-invoice-pdf");
        downloadPdf.addClassName("portal-button");
        downloadPdf.setHref(pdf(id));
        Div actions = new Div(downloadPdf);
        actions.addClassName("portal-actions");
        if (summary.payLink() != null) {
            Anchor pay = new Anchor(summary.payLink().toString(), "Pay now");
            pay.setId("portal-invoice-pay");
            pay.setTarget(AnchorTarget.BLANK);
            pay.addClassName("portal-button");
            actions.add(pay);
        }
        add(actions);

        add(new H2("Sessions"));
        for (InvoiceDetails.Line line : invoice.lines()) {
            Div card = new Div(new Div(PortalFormat.when(business, line.startsAt())),
                    new Div(line.subjectName() + " with " + line.tutorName() + " · " + line.studentName() + " · "
                            + BusinessProfile.formatDuration(line.durationMinutes())
                            + (line.lateCancelled() ? " · late cancellation" : "")),
                    new Span(business.formatMoney(line.amountMinor())));
            card.addClassNames("portal-card", "portal-invoice-line");
            add(card);
        }
        for (InvoiceDetails.Adjustment adjustment : invoice.adjustments()) {
            Div card = new Div(new Span(adjustment.memo() + " · " + business.formatMoney(adjustment.amountMinor())));
            card.addClassNames("portal-card", "portal-invoice-adjustment");
            add(card);
        }
        if (!invoice.payments().isEmpty()) {
            add(new H2("Payments"));
            for (FamilyInvoiceService.Payment payment : invoice.payments()) {
                Div card = new Div(new Span(business.formatDate(payment.paidOn()) + " · "
                        + business.formatMoney(payment.amountMinor()) + " · " + payment.method().label()
                        + (payment.undone() ? " (undone)" : "")));
                card.addClassNames("portal-card", "portal-payment");
                add(card);
            }
        }
    }

    private DownloadHandler pdf(long id) {
        return download -> {
            download.setFileName(invoices.pdfFileName(id));
            download.setContentType("application/pdf");
            download.getOutputStream().write(invoices.pdf(id));
        };
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
