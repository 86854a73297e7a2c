package com.tutordesk.directory.ui;

import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.Money;
import com.tutordesk.shared.RuleViolationException;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.data.binder.Binder;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/** Small helpers the directory pages share: messages, field errors from services, rate fields. */
final class Ui {

    static final String STALE = "Someone else changed this record in the meantime. Reload the page to see their"
            + " changes, then make yours again.";

    private Ui() {
    }

    static void success(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /**
     * A create button that the browser turns off the moment it is clicked, so a double click cannot
     * add the same client, student or engagement twice; it turns on again once the click is handled
     * (the dialog either closed or shows what to fix). Call after the button's own click listener.
     */
    static void oneClickAtATime(com.vaadin.flow.component.button.Button button) {
        button.setDisableOnClick(true);
        button.addClickListener(e -> button.setEnabled(true));
    }

    static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Maps a service's field errors to the inputs of one form. */
    static final class FieldErrors {
        private final Map<String, HasValidation> fields = new HashMap<>();

        FieldErrors add(String key, HasValidation field) {
            fields.put(key, field);
            return this;
        }

        /**
         * Runs a service call; a bad field is shown at the field, a broken rule or a stale edit as a
         * message. Other failures go to the global error handler.
         *
         * @return whether the call succeeded
         */
        boolean run(Runnable action) {
            try {
                action.run();
                return true;
            } catch (InvalidFieldException e) {
                HasValidation field = fields.get(e.field());
                if (field != null) {
                    field.setErrorMessage(e.getMessage());
                    field.setInvalid(true);
                } else {
                    error(e.getMessage());
                }
            } catch (RuleViolationException | IllegalArgumentException e) {
                error(e.getMessage());
            } catch (OptimisticLockingFailureException e) {
                error(STALE);
            } catch (AccessDeniedException e) {
                error(e.getMessage());
            }
            return false;
        }
    }

    /**
     * @return an email input whose own format check says the same as the form's validator (the
     *         field checks first, and would otherwise show an empty message)
     */
    static com.vaadin.flow.component.textfield.EmailField emailField(String label, int maxLength, String invalid) {
        var field = new com.vaadin.flow.component.textfield.EmailField(label);
        field.setMaxLength(maxLength);
        field.setI18n(new com.vaadin.flow.component.textfield.EmailField.EmailFieldI18n().setPatternErrorMessage(invalid)
                .setMaxLengthErrorMessage(label + " must be at most " + maxLength + " characters"));
        return field;
    }

    /** A badge such as "Active" / "Deactivated". */
    static Span badge(String text, String kind) {
        Span badge = new Span(text);
        badge.addClassNames("status-badge", "badge-" + kind);
        return badge;
    }

    static Span activeBadge(boolean active) {
        return active ? badge("Active", "active") : badge("Deactivated", "inactive");
    }

    /**
     * Sets up a rate input in the business currency: the currency code as prefix, validation at
     * the field (required, &ge; 0, at most {@code maxMinor}, no more decimals than the currency has,
     * issue 6 "Rate inputs show the business currency and accept only its minor-unit precision").
     */
    static <B> void bindRate(Binder<B> binder, BigDecimalField field, BusinessProfile profile, long maxMinor,
            com.vaadin.flow.function.ValueProvider<B, BigDecimal> getter, com.vaadin.flow.data.binder.Setter<B, BigDecimal> setter) {
        String label = field.getLabel();
        int digits = Math.max(0, profile.currency().getDefaultFractionDigits());
        Span prefix = new Span(profile.currency().getCurrencyCode());
        prefix.addClassName("field-prefix");
        field.setPrefixComponent(prefix);
        field.setSuffixComponent(new Span("/ h"));
        field.setHelperText("Per hour, up to " + digits + " decimal places");
        field.setRequiredIndicatorVisible(true);
        binder.forField(field)
                .asRequired(label + " is required")
                .withValidator(v -> v.signum() >= 0, label + " must not be negative")
                .withValidator(v -> v.stripTrailingZeros().scale() <= digits,
                        profile.currency().getCurrencyCode() + " amounts allow at most " + digits + " decimal places")
                .withValidator(v -> v.stripTrailingZeros().scale() > digits
                        || v.movePointRight(digits).compareTo(BigDecimal.valueOf(maxMinor)) <= 0,
                        label + " must be at most " + profile.formatMoney(maxMinor) + " per hour")
                .bind(getter, setter);
    }

    /** @return the rate in minor units (the binder has validated it) */
    static long minor(BigDecimal major, BusinessProfile profile) {
        return Money.parseMajor(major, profile.currency()).minor();
    }

    /** @return the rate as a decimal in major units, for the field */
    static BigDecimal major(long minor, BusinessProfile profile) {
        return new Money(minor, profile.currency()).toMajor();
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
