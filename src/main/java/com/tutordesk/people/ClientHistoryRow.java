package com.tutordesk.people;

import java.time.Instant;

/**
 * One line of a client's history (issue 18).
 *
 * @param changedAt when (UTC; views show it in the business time zone)
 * @param field     which detail changed
 * @param oldValue  the value before, or {@code null} when it was empty
 * @param newValue  the value after, or {@code null} when it was emptied
 * @param byFamily  whether the family changed it in the portal
 * @param byName    the staff member's name as it was then, or {@code null} when {@code byFamily}
 */
public record ClientHistoryRow(Instant changedAt, ClientField field, String oldValue, String newValue,
        boolean byFamily, String byName) {

    /** How the history names the family as the one who changed a detail. */
    public static final String FAMILY = "the family, in the portal";

    /** @return who changed it: the staff member's name, or {@value #FAMILY} */
    public String actor() {
        return byFamily ? FAMILY : byName;
    }
}
