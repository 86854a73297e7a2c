package com.tutordesk.importing;

import com.tutordesk.shared.RuleViolationException;

/**
 * An import was refused because rows have errors; nothing was written. Carries the rows so the
 * page can show every error.
 */
public class ImportRefusedException extends RuleViolationException {

    private final transient ImportResult result;

    public ImportRefusedException(ImportResult result) {
        super("Nothing was imported: " + result.errorRows() + (result.errorRows() == 1 ? " row has" : " rows have")
                + " errors (first: " + result.errors().get(0) + "). Fix the file and try again.");
        this.result = result;
    }

    /** @return the rows, with their errors */
    public ImportResult result() {
        return result;
    }
}
