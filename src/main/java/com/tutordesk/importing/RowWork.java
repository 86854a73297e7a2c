package com.tutordesk.importing;

import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.RuleViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/**
 * One row being imported: reads its cells by field, collects its errors with row and column,
 * and notes what it created, updated or left alone.
 */
final class RowWork {

    private final ImportKind kind;
    private final ColumnMapping mapping;
    private final Spreadsheet.SheetRow row;
    private final CellValues values;
    private final List<String> errors = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private boolean created;
    private boolean updated;

    RowWork(ImportKind kind, ColumnMapping mapping, Spreadsheet.SheetRow row, CellValues values) {
        this.kind = kind;
        this.mapping = mapping;
        this.row = row;
        this.values = values;
    }

    int number() {
        return row.number();
    }

    /** @return the stripped cell of the field, "" when blank or not mapped */
    String text(String field) {
        return row.cell(mapping.column(field));
    }

    /** @return the cell, or first and last name joined when the cell is blank */
    String name(String field, String firstField, String lastField) {
        String whole = text(field);
        if (!whole.isEmpty()) {
            return whole;
        }
        return (text(firstField) + " " + text(lastField)).strip();
    }

    /** @return the cell; records "is required" when blank */
    String required(String field) {
        String value = text(field);
        if (value.isEmpty()) {
            error(field, "is required");
        }
        return value;
    }

    /** @return the amount in minor units, or null (with the error recorded) when blank or unreadable */
    Long amount(String field, boolean required) {
        String value = text(field);
        if (value.isEmpty()) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        try {
            return values.minor(value);
        } catch (CellValues.CellException e) {
            error(field, e.getMessage());
            return null;
        }
    }

    /** @return minutes, {@code otherwise} when blank, or null (error recorded) when unreadable */
    Integer minutes(String field, int otherwise) {
        String value = text(field);
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            return values.minutes(value);
        } catch (CellValues.CellException e) {
            error(field, e.getMessage());
            return null;
        }
    }

    /** @return the date, or null (error recorded) when blank or unreadable */
    java.time.LocalDate date(String field) {
        String value = required(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return values.date(value);
        } catch (CellValues.CellException e) {
            error(field, e.getMessage());
            return null;
        }
    }

    /** @return the time of day, or null (error recorded) when blank or unreadable */
    java.time.LocalTime time(String field, boolean twelveHourClock) {
        String value = required(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return com.tutordesk.shared.TimeOfDayParser.parse(value, twelveHourClock);
        } catch (IllegalArgumentException e) {
            error(field, e.getMessage());
            return null;
        }
    }

    /** @return yes/no, {@code otherwise} when not mapped */
    boolean yesNo(String field, boolean otherwise) {
        if (!mapping.mapped(field)) {
            return otherwise;
        }
        try {
            return values.yesNo(text(field));
        } catch (CellValues.CellException e) {
            error(field, e.getMessage());
            return otherwise;
        }
    }

    /** Records an error in the column of {@code field}: "row 17, Client rate: {message}". */
    void error(String field, String message) {
        String label = field == null ? null : kind.field(field).label();
        errors.add("row " + row.number() + (label == null ? "" : ", " + label) + ": " + message);
    }

    /** Records an error of the whole row: "row 17: {message}". */
    void rowError(String message) {
        errors.add("row " + row.number() + ": " + message);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /**
     * Runs a service call for this row; its refusal becomes an error of the row, in the column
     * that {@code fieldKeys} maps the service's field key to (e.g. "contactEmail" → "contactEmail",
     * a student's "name" → "studentName").
     *
     * @return the call's result, or null when refused
     */
    <T> T call(Map<String, String> fieldKeys, Supplier<T> action) {
        try {
            return action.get();
        } catch (InvalidFieldException e) {
            String field = fieldKeys.get(e.field());
            if (field == null) {
                rowError(e.getMessage());
            } else {
                String label = kind.field(field).label();
                String message = e.getMessage().startsWith(label + " ")
                        ? e.getMessage().substring(label.length() + 1) : e.getMessage();
                error(field, message);
            }
        } catch (RuleViolationException | AccessDeniedException | com.tutordesk.shared.NotFoundException e) {
            rowError(e.getMessage());
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            // A matched record changed while the file was being read: the row is refused, and so the file.
            rowError("This record was changed by someone else meanwhile: run the dry run again");
        }
        return null;
    }

    void created(String note) {
        created = true;
        notes.add(note);
    }

    void updated(String note) {
        updated = true;
        notes.add(note);
    }

    void note(String note) {
        notes.add(note);
    }

    ImportRow result() {
        RowAction action = !errors.isEmpty() ? RowAction.ERROR : created ? RowAction.CREATE
                : updated ? RowAction.UPDATE : RowAction.SKIP;
        return new ImportRow(row.number(), action, String.join("; ", notes), List.copyOf(errors));
    }
}
