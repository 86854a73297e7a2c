package com.tutordesk.payroll.ui;

import com.tutordesk.payroll.MyPay;
import com.tutordesk.payroll.PayrollQueries;
import com.tutordesk.payroll.TutorPayRow;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * My pay ({@code /my-pay}, tutors with or without Enhanced Access): their unpaid earnings (approved
 * and not yet approved), the current period so far, and every period with something for them;
 * a period opens its statement. Only their own: the service takes the tutor from the login.
 */
@Route("my-pay")
@PageTitle("My pay · Tutordesk")
@Menu(title = "My pay", order = 12, icon = "vaadin:wallet")
@RolesAllowed("TUTOR")
class MyPayView extends Main implements BeforeEnterObserver {

    final Div figures = new Div();
    final Grid<TutorPayRow> grid = new Grid<>();

    private final PayrollQueries queries;
    private final BusinessProfile profile;

    MyPayView(PayrollQueries queries, SettingsService settings) {
        this.queries = queries;
        this.profile = settings.profile();
        addClassName("my-pay-view");
        figures.addClassName("payments-totals");
        figures.setId("my-pay-figures");
        grid.setId("my-pay-grid");
        grid.addColumn(row -> row.period().label(profile)).setHeader("Pay period").setKey("period").setFlexGrow(1);
        PayrollUi.addPayColumns(grid, profile);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(click -> UI.getCurrent().navigate(PayStatementView.class,
                PayrollUi.statement(click.getItem().tutorId(), click.getItem().period().start())));
        add(new H2("My pay"), figures, grid, new Paragraph("Your pay for a period is the tutor earnings of your"
                + " completed and late-cancelled sessions that started in it, plus any adjustments. Open periods"
                + " can still change; approved ones are fixed."));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        MyPay pay = queries.myPay();
        figures.removeAll();
        figures.add(figure("Unpaid", pay.unpaidMinor(), "approved and not yet approved"),
                figure("Approved, not yet paid", pay.approvedUnpaidMinor(), "fixed; payment to follow"),
                figure("Not yet approved", pay.openMinor(), "may still change"),
                figure("This period so far", pay.currentTotals().totalMinor(), pay.current().label(profile) + " · "
                        + pay.currentTotals().sessions() + " sessions"));
        grid.setItems(pay.periods());
        // Amounts differ in width from period to period: fit the columns to the rows shown.
        grid.recalculateColumnWidths();
    }

    private Div figure(String label, long amountMinor, String note) {
        Span name = new Span(label);
        name.addClassName("payments-total-label");
        Span amount = new Span(profile.formatMoney(amountMinor));
        amount.addClassName("payments-total-amount");
        Span detail = new Span(note);
        detail.addClassName("payments-total-count");
        Div figure = new Div(name, amount, detail);
        figure.addClassName("payments-total");
        return figure;
    }
}
