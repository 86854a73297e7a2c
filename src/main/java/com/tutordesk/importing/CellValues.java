package com.tutordesk.importing;

import com.tutordesk.shared.Money;
import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the typed cells of an import in the business locale (domain.md "Business": the locale
 * drives number and date formats) and says the format it expects in every refusal, so that a
 * person can fix the cell: "'45,00' is not an amount (write it like 1,234.50)".
 *
 * <p>Amounts are strict: a grouping separator must be followed by exactly three digits, so in
 * en-US "45,00" is refused rather than read as 4,500; at most as many decimals as the currency
 * has. An optional currency symbol or code around the number is allowed.
 */
final class CellValues {

    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "x", "ja", "oui", "sí", "si");
    private static final Set<String> NO = Set.of("no", "n", "false", "0", "nein", "non", "");

    private final Locale locale;
    private final Currency currency;
    private final Pattern amount;
    private final char decimal;
    private final String example;
    private final java.time.format.DateTimeFormatter localDates;
    private final String dateExample;

    CellValues(Locale locale, Currency currency) {
        this.locale = locale;
        this.currency = currency;
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        decimal = symbols.getDecimalSeparator();
        char grouping = symbols.getGroupingSeparator();
        // French and others group with a (narrow) no-break space; people type a plain space.
        String groups = Character.isSpaceChar(grouping) ? "[ \\u00A0\\u202F]" : Pattern.quote(String.valueOf(grouping));
        String d = Pattern.quote(String.valueOf(decimal));
        amount = Pattern.compile("^(\\d{1,3}(" + groups + "\\d{3})+|\\d+)(" + d + "\\d+)?$");
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        example = format.format(new BigDecimal("1234.50"));
        // The locale's short date with the year in four digits: "M/d/yy" becomes "M/d/uuuu".
        String pattern = java.time.format.DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                java.time.format.FormatStyle.SHORT, null, java.time.chrono.IsoChronology.INSTANCE, locale)
                .replaceAll("y+", "uuuu");
        localDates = java.time.format.DateTimeFormatter.ofPattern(pattern, locale)
                .withResolverStyle(java.time.format.ResolverStyle.STRICT);
        dateExample = java.time.LocalDate.of(2026, 10, 5).format(localDates);
    }

    /**
     * @return the date in ISO form (2026-10-05) or the locale's short form with a four-digit year
     *         (10/5/2026 in en-US, 05.10.2026 in de-DE)
     * @throws CellException naming both accepted forms
     */
    java.time.LocalDate date(String text) {
        String value = text.strip();
        try {
            return java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException notIso) {
            try {
                return java.time.LocalDate.parse(value, localDates);
            } catch (java.time.format.DateTimeParseException notLocal) {
                throw new CellException("'" + value + "' is not a date (write it like " + dateExample + " or 2026-10-05)");
            }
        }
    }

    /** @return 5 October 2026 as the locale's short date with a four-digit year, e.g. "10/5/2026" (en-US) */
    String dateExample() {
        return dateExample;
    }

    /** @return how an amount is written here, e.g. "1,234.50" (en-US) or "1.234,50" (de-DE) */
    String amountExample() {
        return example;
    }

    /**
     * @return the hourly rate or amount in minor units of the business currency
     * @throws CellException when the text is not an amount in the business locale, is negative or
     *         has more decimals than the currency
     */
    long minor(String text) {
        String value = text.strip();
        for (String mark : new String[] {currency.getSymbol(locale), currency.getCurrencyCode(), currency.getSymbol()}) {
            if (value.startsWith(mark)) {
                value = value.substring(mark.length()).strip();
            } else if (value.endsWith(mark)) {
                value = value.substring(0, value.length() - mark.length()).strip();
            }
        }
        if (value.startsWith("-")) {
            throw new CellException("'" + text + "' is negative");
        }
        if (!amount.matcher(value).matches()) {
            throw new CellException("'" + text + "' is not an amount (write it like " + example + ")");
        }
        String plain = value.replaceAll("[^0-9" + Pattern.quote(String.valueOf(decimal)) + "]", "").replace(decimal, '.');
        try {
            return Money.parseMajor(new BigDecimal(plain), currency).minor();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CellException("'" + text + "' has too many decimals: " + currency.getCurrencyCode()
                    + " amounts have " + Math.max(0, currency.getDefaultFractionDigits()));
        }
    }

    /**
     * @return whole minutes, written as "90", "1:30" or "1 h 30 min"
     * @throws CellException otherwise
     */
    int minutes(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        var hm = Pattern.compile("^(\\d{1,2}):(\\d{2})$").matcher(value);
        if (hm.matches()) {
            return Integer.parseInt(hm.group(1)) * 60 + Integer.parseInt(hm.group(2));
        }
        var words = Pattern.compile("^(?:(\\d{1,2})\\s*h)?\\s*(?:(\\d{1,4})\\s*min)?$").matcher(value);
        if (value.matches("\\d{1,4}")) {
            return Integer.parseInt(value);
        }
        if (!value.isEmpty() && words.matches() && (words.group(1) != null || words.group(2) != null)) {
            return (words.group(1) == null ? 0 : Integer.parseInt(words.group(1)) * 60)
                    + (words.group(2) == null ? 0 : Integer.parseInt(words.group(2)));
        }
        throw new CellException("'" + text + "' is not a length (write minutes, e.g. 60, or h:mm, e.g. 1:30)");
    }

    /**
     * @return yes/no, written as yes, no, y, n, true, false, 1, 0 or x; blank is no
     * @throws CellException otherwise
     */
    boolean yesNo(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (YES.contains(value)) {
            return true;
        }
        if (NO.contains(value)) {
            return false;
        }
        throw new CellException("'" + text + "' is not yes or no");
    }

    /** A cell that cannot be read; the message quotes the cell and says how to write it. */
    static final class CellException extends IllegalArgumentException {
        CellException(String message) {
            super(message);
        }
    }
}
