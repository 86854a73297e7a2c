package com.tutordesk.settings.ui;

import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.BusinessSettings;
import com.tutordesk.settings.SettingsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.tutordesk.settings.LateCancellationPolicy;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
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
 * time and amount depends; the late-cancellation policy; the tutors' Enhanced Access default; the
 * email sender name and address. Changing the zone or currency once sessions or engagements exist
 * asks for confirmation, explaining that only the display changes. The service checks the role
 * again on save.
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
        Integer windowHours;
        Integer clientPercent;
        Integer tutorPercent;
        boolean tutorsEnhancedAccess;
        String emailSenderName;
        String address;
    }

    final TextField name = new TextField("Business name");
    final ComboBox<String> zone = new ComboBox<>("Time zone");
    final ComboBox<Currency> currency = new ComboBox<>("Currency");
    final ComboBox<Locale> locale = new ComboBox<>("Locale");
    final IntegerField windowHours = new IntegerField("Late-cancellation window (hours)");
    final IntegerField clientPercent = new IntegerField("Client charged for a late cancellation (%)");
    final IntegerField tutorPercent = new IntegerField("Tutor paid for a late cancellation (%)");
    final Checkbox tutorsEnhancedAccess = new Checkbox("Tutors have Enhanced Access by default");
    final TextField emailSenderName = new TextField("Email sender name");
    final TextArea address = new TextArea("Business address");
    final Button save = new Button("Save");
    ConfirmDialog confirmDisplayChange;
    final PayScheduleSection paySchedule;
    private final Binder<Form> binder = new Binder<>();
    private final SettingsService settings;
    /** The settings version this page shows: saving over a newer one is refused. */
    private long version;

    SettingsView(SettingsService settings,
            org.springframework.beans.factory.ObjectProvider<com.tutordesk.settings.SettingsPageSection> sections) {
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
                .withValidator(v -> !v.isBlank(), "Business name is required")
                .withValidator(v -> v.strip().length() <= BusinessSettings.NAME_MAX_LENGTH,
                        "Business name must be at most " + BusinessSettings.NAME_MAX_LENGTH + " characters")
                .bind(f -> f.name, (f, v) -> f.name = v);
        binder.forField(zone)
                .asRequired("Time zone is required")
                .withValidator(SettingsService::isValidZone, "Time zone must be an IANA zone such as America/New_York")
                .bind(f -> f.zone, (f, v) -> f.zone = v);
        binder.forField(currency).asRequired("Currency is required").bind(f -> f.currency, (f, v) -> f.currency = v);
        binder.forField(locale).asRequired("Locale is required").bind(f -> f.locale, (f, v) -> f.locale = v);

        windowHours.setHelperText("A cancellation less than this many hours before the start is late");
        tutorsEnhancedAccess.setTooltipText("Tutors with Enhanced Access manage the clients they add; each tutor's"
                + " page can override this");
        emailSenderName.setMaxLength(BusinessSettings.NAME_MAX_LENGTH);
        emailSenderName.setHelperText("Shown as the sender of emails; empty means the business name");
        address.setMaxLength(BusinessSettings.ADDRESS_MAX_LENGTH);
        address.setHelperText("Printed on invoices");
        binder.forField(windowHours).asRequired("Late-cancellation window is required")
                .withValidator(v -> v >= 0 && v <= BusinessSettings.MAX_LATE_CANCEL_WINDOW_HOURS,
                        "Late-cancellation window must be 0–" + BusinessSettings.MAX_LATE_CANCEL_WINDOW_HOURS + " hours")
                .bind(f -> f.windowHours, (f, v) -> f.windowHours = v);
        binder.forField(clientPercent).asRequired("Client charge is required")
                .withValidator(v -> v >= 0 && v <= 100, "Client charge must be 0–100 %")
                .bind(f -> f.clientPercent, (f, v) -> f.clientPercent = v);
        binder.forField(tutorPercent).asRequired("Tutor pay is required")
                .withValidator(v -> v >= 0 && v <= 100, "Tutor pay must be 0–100 %")
                .bind(f -> f.tutorPercent, (f, v) -> f.tutorPercent = v);
        binder.forField(tutorsEnhancedAccess).bind(f -> f.tutorsEnhancedAccess, (f, v) -> f.tutorsEnhancedAccess = v);
        binder.forField(emailSenderName)
                .withValidator(v -> v.strip().length() <= BusinessSettings.NAME_MAX_LENGTH,
                        "Email sender name must be at most " + BusinessSettings.NAME_MAX_LENGTH + " characters")
                .bind(f -> f.emailSenderName, (f, v) -> f.emailSenderName = v);
        binder.forField(address)
                .withValidator(v -> v.length() <= BusinessSettings.ADDRESS_MAX_LENGTH,
                        "Address must be at most " + BusinessSettings.ADDRESS_MAX_LENGTH + " characters")
                .bind(f -> f.address, (f, v) -> f.address = v);

        version = settings.version();
        BusinessProfile profile = settings.profile();
        Form form = new Form();
        form.name = profile.name();
        form.zone = profile.zone().getId();
        form.currency = profile.currency();
        form.locale = profile.locale();
        form.windowHours = profile.lateCancellation().windowHours();
        form.clientPercent = profile.lateCancellation().clientChargePercent();
        form.tutorPercent = profile.lateCancellation().tutorPayPercent();
        form.tutorsEnhancedAccess = profile.tutorsEnhancedAccess();
        form.emailSenderName = profile.emailSenderName().equals(profile.name()) ? "" : profile.emailSenderName();
        form.address = profile.address();
        binder.readBean(form);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        save.setDisableOnClick(true);

        FormLayout layout = new FormLayout(name, zone, currency, locale);
        layout.setMaxWidth("40rem");
        FormLayout policy = new FormLayout(windowHours, clientPercent, tutorPercent);
        policy.setMaxWidth("40rem");
        FormLayout other = new FormLayout(tutorsEnhancedAccess, emailSenderName, address);
        other.setColspan(tutorsEnhancedAccess, 2);
        other.setColspan(address, 2);
        other.setMaxWidth("40rem");
        add(new H2("Settings"),
                new Paragraph("Stored times and amounts never change with these settings; only how they are shown."),
                layout, new H3("Late cancellations"), policy, new H3("Tutors and emails"), other, save);
        // Pay periods (issue 16): saved on their own, below the main form.
        paySchedule = new PayScheduleSection(settings, profile.locale());
        add(new H3("Pay periods"), paySchedule);
        sections.orderedStream().forEach(section -> add(section.create()));
    }

    void save() {
        try {
            Form form = new Form();
            binder.writeBean(form);
            BusinessProfile current = settings.profile();
            BusinessProfile changed = new BusinessProfile(form.name.strip(), ZoneId.of(form.zone), form.currency,
                    form.locale, new LateCancellationPolicy(form.windowHours, form.clientPercent, form.tutorPercent),
                    form.tutorsEnhancedAccess, form.emailSenderName == null ? "" : form.emailSenderName.strip(),
                    form.address == null ? "" : form.address.strip());
            boolean displayChange = !changed.zone().equals(current.zone()) || !changed.currency().equals(current.currency());
            SettingsService.ChangeImpact impact = displayChange ? settings.changeImpact() : null;
            int decimals = changed.currency().getDefaultFractionDigits();
            if (impact != null && impact.anythingRecorded() && decimals != current.currency().getDefaultFractionDigits()) {
                // Refused by the service too; said here at once instead of after a confirmation.
                currency.setErrorMessage(changed.currency().getCurrencyCode() + " has " + decimals
                        + " decimal places and " + current.currency().getCurrencyCode() + " has "
                        + current.currency().getDefaultFractionDigits()
                        + ": recorded amounts would change value. Choose a currency with the same decimal places.");
                currency.setInvalid(true);
                return;
            }
            if (impact != null && impact.anythingRecorded()) {
                confirmDisplayChange = new ConfirmDialog("Change how recorded sessions are shown?",
                        explanation(current, changed, impact), "Change", e -> store(changed), "Cancel", e -> { });
                confirmDisplayChange.open();
                return;
            }
            store(changed);
        } catch (ValidationException e) {
            // Field messages are already shown next to each field.
        } finally {
            save.setEnabled(true);
        }
    }

    /** @return what a change of zone or currency means for what is recorded: display only */
    static String explanation(BusinessProfile current, BusinessProfile changed, SettingsService.ChangeImpact impact) {
        StringBuilder text = new StringBuilder("The business has ").append(impact.recordedSessions())
                .append(" recorded sessions and ").append(impact.recordedEngagements()).append(" engagements. ");
        if (!changed.zone().equals(current.zone())) {
            text.append("Sessions keep their moment in time and are shown in ").append(changed.zone().getId())
                    .append(" instead of ").append(current.zone().getId())
                    .append(", so their clock times on screen change. ");
        }
        if (!changed.currency().equals(current.currency())) {
            text.append("Rates and amounts keep their numbers and are shown in ")
                    .append(changed.currency().getCurrencyCode()).append(" instead of ")
                    .append(current.currency().getCurrencyCode()).append(": nothing is converted. ");
        }
        return text.append("Only the display changes; nothing stored is rewritten.").toString();
    }

    private void store(BusinessProfile changed) {
        try {
            settings.update(changed, version);
            version = settings.version();
            Notification.show("Settings saved", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (com.tutordesk.shared.InvalidFieldException e) {
            if (e.field().equals("currency")) {
                currency.setErrorMessage(e.getMessage());
                currency.setInvalid(true);
            } else {
                Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            Notification.show("Someone else changed the settings in the meantime: reload the page to see their"
                    + " changes.", 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
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
