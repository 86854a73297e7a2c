package com.tutordesk.importing;

import java.util.List;
import java.util.Locale;

/**
 * One field a file's column can be mapped to.
 *
 * @param key      stable key, e.g. "contactEmail" (also the service field key it stands for)
 * @param label    what people see and what errors name, e.g. "Billing contact email"
 * @param required whether a row without it is an error
 * @param example  a value for the downloadable template
 * @param synonyms headers (normalised by {@link #normalise}) that mean this field, e.g. "parentemail"
 */
public record ImportField(String key, String label, boolean required, String example, List<String> synonyms) {

    /**
     * @return the header reduced to lower-case letters and digits ("Parent E-mail" → "parentemail"),
     *         so that spelling variants of exports from other products compare equal
     */
    public static String normalise(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** @return whether a header means this field */
    boolean matches(String header) {
        String normal = normalise(header);
        return normal.equals(normalise(label)) || normal.equals(normalise(key)) || synonyms.contains(normal);
    }
}
