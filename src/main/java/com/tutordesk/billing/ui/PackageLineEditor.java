package com.tutordesk.billing.ui;

import com.tutordesk.billing.NewInvoice;
import com.tutordesk.billing.PackageSales;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.shared.Money;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Prepaid package" part of an invoice (issue 17; domain.md "Prepaid packages"), used by Create
 * Invoice and by each client of a billing run: engagement, hours in 15-minute steps, a price that
 * defaults to hours × the engagement's client rate and may be lowered (never below zero), an optional
 * memo, and the lines added so far with a remove button each. It checks at the field what the service
 * checks again ({@code PackageSales}); the lines it holds are the request's {@link NewInvoice.PackageLine}s.
 */
final class PackageLineEditor extends Div {

    final ComboBox<PackageSales.PackageChoice> engagement = new ComboBox<>("Engagement");
    final IntegerField hours = new IntegerField("Hours");
    final Select<Integer> minutes = new Select<>();
    final BigDecimalField price = new BigDecimalField("Price");
    final TextField memo = new TextField("Memo (optional)");
    final Button add = new Button("Add package", VaadinIcon.PLUS.create());
    final Div list = new Div();

    private final BusinessProfile profile;
    private final List<PackageSales.PackageChoice> choices;
    private final List<NewInvoice.PackageLine> lines = new ArrayList<>();
    private final Runnable changed;
    /** Whether the person typed a price: then a change of hours no longer overwrites it. */
    private boolean priceTyped;

    /**
     * @param choices the client's engagements a package may be sold for (not empty)
     * @param initial lines already chosen (e.g. reopening a billing run client's packages)
     * @param changed called after a line is added or removed
     */
    PackageLineEditor(List<PackageSales.PackageChoice> choices, List<NewInvoice.PackageLine> initial,
            BusinessProfile profile, Runnable changed) {
        this.profile = profile;
        this.choices = List.copyOf(choices);
        this.changed = changed;
        this.lines.addAll(initial);
        addClassName("package-line-editor");
        engagement.setItems(this.choices);
        engagement.setItemLabelGenerator(PackageSales.PackageChoice::label);
        engagement.setWidth("24rem");
        engagement.setId("package-engagement");
        if (this.choices.size() == 1) {
            engagement.setValue(this.choices.getFirst());
        }
        hours.setMin(0);
        hours.setMax(NewInvoice.MAX_PACKAGE_MINUTES / 60);
        hours.setStepButtonsVisible(true);
        hours.setWidth("8rem");
        hours.setId("package-hours");
        minutes.setLabel("Minutes");
        minutes.setItems(0, 15, 30, 45);
        minutes.setItemLabelGenerator(m -> m + " min");
        minutes.setValue(0);
        minutes.setWidth("7rem");
        minutes.setId("package-minutes");
        price.setHelperText("Default: hours × client rate; may be lower");
        price.setId("package-price");
        price.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                priceTyped = true;
            }
        });
        memo.setMaxLength(PackageSales.MEMO_MAX_LENGTH);
        memo.setId("package-memo");
        engagement.addValueChangeListener(e -> defaultPrice());
        hours.addValueChangeListener(e -> defaultPrice());
        minutes.addValueChangeListener(e -> defaultPrice());
        add.setId("add-package");
        add.addClickListener(click -> addLine());
        list.addClassName("invoice-adjustment-list");
        list.setId("package-list");
        Div bar = new Div(engagement, hours, minutes, price, memo, add);
        bar.addClassName("filter-bar");
        add(bar, list);
        render();
    }

    /** @return the lines added, in order */
    List<NewInvoice.PackageLine> lines() {
        return List.copyOf(lines);
    }

    /** @return the sum of the lines' prices, minor units */
    long totalMinor() {
        return lines.stream().mapToLong(NewInvoice.PackageLine::priceMinor).sum();
    }

    /** @return the line as the invoice will word it, e.g. "Prepaid package: 10 h — Ana Lopez — Algebra II (…)" */
    String text(NewInvoice.PackageLine line) {
        return text(line, choices);
    }

    /** The same wording for a line of these choices (the billing run's preview, without an editor open). */
    static String text(NewInvoice.PackageLine line, List<PackageSales.PackageChoice> choices) {
        String label = choices.stream().filter(choice -> choice.engagementId() == line.engagementId())
                .map(PackageSales.PackageChoice::label).findFirst().orElse("");
        return "Prepaid package: " + BusinessProfile.formatDuration(line.minutes()) + " — " + label
                + (line.memo() == null || line.memo().isBlank() ? "" : " — " + line.memo().strip());
    }

    private int minutesChosen() {
        int h = hours.getValue() == null ? 0 : hours.getValue();
        int m = minutes.getValue() == null ? 0 : minutes.getValue();
        return h * 60 + m;
    }

    private void defaultPrice() {
        PackageSales.PackageChoice choice = engagement.getValue();
        if (choice == null || priceTyped) {
            return;
        }
        price.setValue(Money.of(PackageSales.defaultPriceMinor(choice.clientRateMinor(), minutesChosen()),
                profile.currency().getCurrencyCode()).toMajor());
    }

    /** Checks the fields and adds the line; a wrong field is marked with what to change. */
    void addLine() {
        engagement.setInvalid(false);
        hours.setInvalid(false);
        price.setInvalid(false);
        PackageSales.PackageChoice choice = engagement.getValue();
        if (choice == null) {
            engagement.setErrorMessage("Choose the engagement the hours are for");
            engagement.setInvalid(true);
            return;
        }
        int chosen = minutesChosen();
        if (chosen <= 0 || chosen > NewInvoice.MAX_PACKAGE_MINUTES) {
            hours.setErrorMessage("Hours: more than zero, at most " + NewInvoice.MAX_PACKAGE_MINUTES / 60);
            hours.setInvalid(true);
            return;
        }
        long ceiling = PackageSales.defaultPriceMinor(choice.clientRateMinor(), chosen);
        long priceMinor;
        try {
            if (price.getValue() == null) {
                throw new IllegalArgumentException("Enter the price");
            }
            priceMinor = Money.parseMajor(price.getValue(), profile.currency()).minor();
            if (priceMinor < 0) {
                throw new IllegalArgumentException("The price must not be below zero");
            }
            if (priceMinor > ceiling) {
                throw new IllegalArgumentException("At most " + profile.formatMoney(ceiling) + " (hours × client rate)");
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            price.setErrorMessage(e instanceof ArithmeticException ? "The price is too large" : e.getMessage());
            price.setInvalid(true);
            return;
        }
        if (lines.stream().anyMatch(line -> line.engagementId() == choice.engagementId())) {
            engagement.setErrorMessage("This engagement already has a package on this invoice");
            engagement.setInvalid(true);
            return;
        }
        lines.add(new NewInvoice.PackageLine(choice.engagementId(), chosen, priceMinor, memo.getValue()));
        hours.clear();
        minutes.setValue(0);
        memo.clear();
        price.clear();
        priceTyped = false;
        render();
        changed.run();
    }

    private void render() {
        list.removeAll();
        for (NewInvoice.PackageLine line : List.copyOf(lines)) {
            Span text = new Span(text(line) + ": " + profile.formatMoney(line.priceMinor()));
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> {
                lines.remove(line);
                render();
                changed.run();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel("Remove package");
            Div row = new Div(text, remove);
            row.addClassName("invoice-adjustment");
            list.add(row);
        }
    }
}
