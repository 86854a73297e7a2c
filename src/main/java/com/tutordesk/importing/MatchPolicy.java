package com.tutordesk.importing;

/** What an import does with a row that matches an existing record. */
public enum MatchPolicy {
    /** Overwrite the existing record with the row's non-blank values (nothing is cleared). */
    UPDATE,
    /** Leave the existing record as it is. */
    SKIP
}
