package com.tutordesk.importing;

import java.util.List;

/**
 * The outcome of a dry run (nothing written) or of an import (all written).
 *
 * @param kind     what the file holds
 * @param fileName the file
 * @param written  {@code false} for a dry run
 * @param rows     one entry per record row, in file order
 */
public record ImportResult(ImportKind kind, String fileName, boolean written, List<ImportRow> rows) {

    /** @return rows that create records */
    public long created() {
        return count(RowAction.CREATE);
    }

    /** @return rows that update existing records */
    public long updated() {
        return count(RowAction.UPDATE);
    }

    /** @return rows that match existing records and change nothing */
    public long skipped() {
        return count(RowAction.SKIP);
    }

    /** @return rows with errors */
    public long errorRows() {
        return count(RowAction.ERROR);
    }

    /** @return every error message, in row order */
    public List<String> errors() {
        return rows.stream().flatMap(r -> r.errors().stream()).toList();
    }

    private long count(RowAction action) {
        return rows.stream().filter(r -> r.action() == action).count();
    }
}
