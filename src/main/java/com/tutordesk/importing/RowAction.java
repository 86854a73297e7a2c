package com.tutordesk.importing;

/** What importing one row does (or, in a dry run, would do). */
public enum RowAction {
    /** Creates at least one record (e.g. a client, or a new student of an existing client). */
    CREATE,
    /** Changes an existing record. */
    UPDATE,
    /** Matches existing records and changes nothing (unchanged, or matches are skipped). */
    SKIP,
    /** Cannot be imported; the file is not imported while any row has an error. */
    ERROR
}
