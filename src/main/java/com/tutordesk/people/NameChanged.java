package com.tutordesk.people;

/**
 * Published inside the transaction that renames a tutor, client, student or subject (after the new
 * name is flushed), so that copies of the name kept elsewhere for sorting — the sessions list's sort
 * keys — are rewritten in that same transaction.
 *
 * @param kind what was renamed
 * @param id   its id
 * @param name the new name, as stored
 */
public record NameChanged(Kind kind, long id, String name) {

    /** What a name belongs to. */
    public enum Kind { TUTOR, CLIENT, STUDENT, SUBJECT }
}
