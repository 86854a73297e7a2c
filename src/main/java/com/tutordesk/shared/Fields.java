package com.tutordesk.shared;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import java.util.regex.Pattern;

/**
 * The field rules every service applies before saving, with the same limits the forms show
 * (taken from the entities' constants): required text, maximum lengths, email format (Bean
 * Validation's {@code @Email}) and a lenient phone format. Each check throws an
 * {@link InvalidFieldException} naming the field, so nothing is half-saved.
 */
public final class Fields {

    /** Digits with the usual separators and an optional extension: "+1 (212) 555-0100 ext. 4". */
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{3,}(\\s*(x|ext\\.?)\\s*[0-9]{1,6})?$",
            Pattern.CASE_INSENSITIVE);

    private static final Validator VALIDATOR;

    static {
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            VALIDATOR = factory.getValidator();
        }
    }

    private record EmailValue(@Email String value) {
    }

    private Fields() {
    }

    /**
     * @return the value stripped of surrounding blanks
     * @throws InvalidFieldException "{label} is required" or "{label} must be at most {max} characters"
     */
    public static String required(String field, String label, String value, int maxLength) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            throw new InvalidFieldException(field, label + " is required");
        }
        return maxLength(field, label, stripped, maxLength);
    }

    /**
     * @return the value stripped, or {@code null} when blank
     * @throws InvalidFieldException when longer than {@code maxLength}
     */
    public static String optional(String field, String label, String value, int maxLength) {
        String stripped = value == null ? "" : value.strip();
        return stripped.isEmpty() ? null : maxLength(field, label, stripped, maxLength);
    }

    /**
     * @return the email stripped and lower-cased, or {@code null} when blank and not required
     * @throws InvalidFieldException when missing (if required), too long or not an email address
     */
    public static String email(String field, String label, String value, int maxLength, boolean required) {
        String stripped = required ? required(field, label, value, maxLength) : optional(field, label, value, maxLength);
        if (stripped == null) {
            return null;
        }
        if (!isEmail(stripped)) {
            throw new InvalidFieldException(field, label + " must be a valid address such as name@example.org");
        }
        return stripped.toLowerCase(java.util.Locale.ROOT);
    }

    /** @return whether {@code value} is an email address with a local part and a domain */
    public static boolean isEmail(String value) {
        return value != null && value.indexOf('@') > 0 && value.indexOf('@') < value.length() - 1
                && VALIDATOR.validate(new EmailValue(value)).isEmpty();
    }

    /**
     * Phone numbers are checked leniently: digits with spaces, dashes, dots, slashes, brackets, a
     * leading + and an optional extension.
     *
     * @return the phone stripped, or {@code null} when blank
     * @throws InvalidFieldException when too long or containing letters or other symbols
     */
    public static String phone(String field, String label, String value, int maxLength) {
        String stripped = optional(field, label, value, maxLength);
        if (stripped != null && !isPhone(stripped)) {
            throw new InvalidFieldException(field, label + " may contain only digits, spaces, + - ( ) . / and an extension");
        }
        return stripped;
    }

    /** @return whether {@code value} looks like a phone number (see {@link #phone}) */
    public static boolean isPhone(String value) {
        return value != null && PHONE.matcher(value.strip()).matches()
                && value.chars().filter(Character::isDigit).count() >= 3;
    }

    private static String maxLength(String field, String label, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw new InvalidFieldException(field, label + " must be at most " + maxLength + " characters");
        }
        return value;
    }
}
