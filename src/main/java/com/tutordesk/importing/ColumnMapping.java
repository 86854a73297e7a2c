package com.tutordesk.importing;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which column of the file holds which field.
 *
 * @param columns field key → zero-based column index; a field that is absent is not mapped
 */
public record ColumnMapping(Map<String, Integer> columns) {

    public ColumnMapping {
        columns = Map.copyOf(columns);
    }

    /**
     * Guesses the mapping from the headers: a header maps to the first field of the kind whose
     * label, key or synonyms it spells (ignoring case, spaces and punctuation: "Parent E-mail",
     * "parent_email"); each column and each field is used once.
     */
    public static ColumnMapping guess(ImportKind kind, List<String> headers) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        Set<Integer> used = new HashSet<>();
        for (ImportField field : kind.fields()) {
            for (int i = 0; i < headers.size(); i++) {
                if (!used.contains(i) && field.matches(headers.get(i))) {
                    columns.put(field.key(), i);
                    used.add(i);
                    break;
                }
            }
        }
        return new ColumnMapping(columns);
    }

    /** @return the column of the field, or -1 when it is not mapped */
    public int column(String fieldKey) {
        return columns.getOrDefault(fieldKey, -1);
    }

    /** @return whether the field is mapped to a column */
    public boolean mapped(String fieldKey) {
        return columns.containsKey(fieldKey);
    }

    /** @return a copy with the field mapped to {@code column}, or unmapped when {@code column} is null */
    public ColumnMapping with(String fieldKey, Integer column) {
        Map<String, Integer> copy = new LinkedHashMap<>(columns);
        if (column == null || column < 0) {
            copy.remove(fieldKey);
        } else {
            copy.put(fieldKey, column);
        }
        return new ColumnMapping(copy);
    }
}
