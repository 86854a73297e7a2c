package com.tutordesk.people;

import java.util.Locale;

/**
 * What the business keeps of a client's saved card (domain.md "Client"): brand, last 4 digits and
 * expiry — never the card number.
 *
 * @param brand    e.g. "visa", "mastercard", "amex" as the payment processor names it
 * @param last4    the last four digits
 * @param expMonth expiry month, 1–12
 * @param expYear  expiry year, four digits
 */
public record CardOnFile(String brand, String last4, int expMonth, int expYear) {

    public static final int BRAND_MAX_LENGTH = 20;
    public static final int PROCESSOR_ID_MAX_LENGTH = 255;

    public CardOnFile {
        if (brand == null || brand.isBlank() || brand.length() > BRAND_MAX_LENGTH) {
            throw new IllegalArgumentException("Card brand must be 1 to " + BRAND_MAX_LENGTH + " characters");
        }
        if (last4 == null || !last4.matches("\\d{4}")) {
            throw new IllegalArgumentException("Card last 4 must be four digits");
        }
        if (expMonth < 1 || expMonth > 12) {
            throw new IllegalArgumentException("Card expiry month must be 1 to 12");
        }
        if (expYear < 2000 || expYear > 2200) {
            throw new IllegalArgumentException("Card expiry year must be four digits");
        }
    }

    /** @return e.g. "Visa •••• 4242" */
    public String label() {
        return brandName() + " •••• " + last4;
    }

    /** @return e.g. "04/2030" */
    public String expiry() {
        return String.format(Locale.ROOT, "%02d/%d", expMonth, expYear);
    }

    /** @return the brand as people write it, e.g. "Visa", "Mastercard", "American Express" */
    public String brandName() {
        return switch (brand.toLowerCase(Locale.ROOT)) {
            case "visa" -> "Visa";
            case "mastercard" -> "Mastercard";
            case "amex" -> "American Express";
            case "discover" -> "Discover";
            case "diners" -> "Diners Club";
            case "jcb" -> "JCB";
            case "unionpay" -> "UnionPay";
            case "cartes_bancaires" -> "Cartes Bancaires";
            default -> Character.toUpperCase(brand.charAt(0)) + brand.substring(1);
        };
    }
}
