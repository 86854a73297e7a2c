package com.tutordesk.session;

/**
 * Order of the sessions list; ties are broken by session id in the same direction, so that pages
 * never overlap or skip rows.
 *
 * @param property  what to sort by
 * @param ascending direction
 */
public record SessionSort(Property property, boolean ascending) {

    /** Newest first: the default. */
    public static final SessionSort NEWEST_FIRST = new SessionSort(Property.DATE, false);

    /** The columns the list can be sorted by, with their URL names. */
    public enum Property {
        DATE("date"),
        STUDENT("student"),
        CLIENT("client"),
        TUTOR("tutor"),
        SUBJECT("subject"),
        DURATION("duration"),
        STATUS("status"),
        CLIENT_AMOUNT("client-amount"),
        TUTOR_EARNINGS("tutor-earnings");

        private final String key;

        Property(String key) {
            this.key = key;
        }

        /** @return the URL and grid sort-property name, e.g. "client-amount" */
        public String key() {
            return key;
        }

        /** @return the property with this key, or {@code null} */
        public static Property byKey(String key) {
            for (Property property : values()) {
                if (property.key.equals(key)) {
                    return property;
                }
            }
            return null;
        }
    }

    /** @return e.g. "-date" for newest first, "client" for clients A–Z */
    public String toUrlValue() {
        return (ascending ? "" : "-") + property.key();
    }

    /** @return the sort written as {@link #toUrlValue()}, or {@code null} when it is not one */
    public static SessionSort parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        boolean descending = value.startsWith("-");
        Property property = Property.byKey(descending ? value.substring(1) : value);
        return property == null ? null : new SessionSort(property, !descending);
    }
}
