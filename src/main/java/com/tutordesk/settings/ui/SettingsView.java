package com.tutordesk.settings.ui;

import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.BusinessSettings;
import com.tutordesk.settings.SettingsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Business settings (admins only): name, time zone, currency and locale, on which every displayed
 * time and amount depends. The service checks the role again on save.
 */
@Route("settings")
@PageTitle("Settings · Tutordesk")
@Menu(title = "Settings", order = 90, icon = "vaadin:cog")
@RolesAllowed("ADMIN")
class SettingsView extends Main {

    /** Form state; the binder validates each field with the same limits as the entity. */
    static final class Form {
        String name;
        String zone;
        Currency currency;
        Locale locale;
    }

    final TextField name = new TextField("Business name");
    final ComboBox<String> zone = new ComboBox<>("Time zone");
    final ComboBox<Currency> currency = new ComboBox<>("Currency");
    final ComboBox<Locale> locale = new ComboBox<>("Locale");
    final Button save = new Button("Save");
    private final Binder<Form> binder = new Binder<>();
    private final SettingsService settings;

    SettingsView(SettingsService settings) {
        this.settings = settings;
        addClassName("settings-view");

        name.setId("settings-name");
        name.setMaxLength(BusinessSettings.NAME_MAX_LENGTH);
        name.setRequiredIndicatorVisible(true);
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setHelperText("Session times are entered and shown in this zone");
        currency.setItems(Currency.getAvailableCurrencies().stream()
                .sorted(Comparator.comparing(Currency::getCurrencyCode)).toList());
        currency.setItemLabelGenerator(c -> c.getCurrencyCode() + " – " + c.getDisplayName(Locale.ENGLISH));
        locale.setItems(availableLocales());
        locale.setItemLabelGenerator(l -> l.toLanguageTag() + " – " + l.getDisplayName(Locale.ENGLISH));
        locale.setHelperText("Date, time (12- or 24-hour) and number formats");

        binder.forField(name)
                .asRequired("Business name is required")
                .withValidator(v -> v.strip().length() <= BusinessSettings.NAME_MAX_LENGTH,
                        "Business name must be at most " + BusinessSettings.NAME_MAX_LENGTH + " characters")
                .bind(f -> f.name, (f, v) -> f.name = v);
        binder.forField(zone)
                .asRequired("Time zone is required")
                .withValidator(SettingsService::isValidZone, "Time zone must be an IANA zone such as America/New_York")
                .bind(f -> f.zone, (f, v) -> f.zone = v);
        binder.forField(currency).asRequired("Currency is required").bind(f -> f.currency, (f, v) -> f.currency = v);
        binder.forField(locale).asRequired("Locale is required").bind(f -> f.locale, (f, v) -> f.locale = v);

        BusinessProfile profile = settings.profile();
        Form form = new Form();
        form.name = profile.name();
        form.zone = profile.zone().getId();
        form.currency = profile.currency();
        form.locale = profile.locale();
        binder.readBean(form);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        save.setDisableOnClick(true);

        FormLayout layout = new FormLayout(name, zone, currency, locale);
        layout.setMaxWidth("40rem");
        add(new H2("Settings"),
                new Paragraph("Stored times and amounts never change with these settings; only how they are shown."),
                layout, save);
    }

    void save() {
        try {
            Form form = new Form();
            binder.writeBean(form);
            BusinessProfile current = settings.profile();
            settings.update(current.withBasics(form.name.strip(), ZoneId.of(form.zone), form.currency, form.locale));
            Notification.show("Settings saved", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ValidationException e) {
            // Field messages are already shown next to each field.
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } finally {
            save.setEnabled(true);
        }
    }

    private static List<Locale> availableLocales() {
        return java.util.Arrays.stream(Locale.getAvailableLocales())
                .filter(l -> !l.getLanguage().isEmpty() && !l.getCountry().isEmpty() && l.getVariant().isEmpty()
                        && l.getScript().isEmpty())
                .sorted(Comparator.comparing(Locale::toLanguageTag))
                .toList();
    }
}
