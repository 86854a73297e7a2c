package com.tutordesk.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * Which database constraint a failed write violated, as Hibernate names it
 * ({@link org.hibernate.exception.ConstraintViolationException#getConstraintName()}), so that a
 * service decides on the constraint's name and never on a driver's message text.
 *
 * <p>The name comes in the vendor's spelling, which this class evens out: MariaDB gives
 * {@code uq_invoice_lines_active_session} (unique key) or {@code fk_payment_attempts_in_flight}
 * (foreign key); MySQL 8 prefixes a unique key with its table ({@code invoice_lines.uq_…}); H2 gives
 * a foreign key in upper case and a unique constraint as its backing index,
 * {@code PUBLIC.UQ_INVOICE_LINES_ACTIVE_SESSION_INDEX_5}. All become the name written in the
 * migration, in lower case.
 */
public final class ConstraintViolations {

    private ConstraintViolations() {
    }

    /**
     * @param failure a failed write, e.g. Spring's {@code DataIntegrityViolationException} from a JPA
     *                flush (its cause chain holds Hibernate's exception)
     * @return the violated constraint's name as written in the migration (lower case), or empty when
     *         the failure carries none (e.g. a write through plain JDBC, or not a constraint violation)
     */
    public static Optional<String> violated(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getConstraintName() != null) {
                return Optional.of(normalise(violation.getConstraintName()));
            }
        }
        return Optional.empty();
    }

    /** @return whether {@code failure} violated the constraint named {@code constraint} (as in the migration) */
    public static boolean violates(Throwable failure, String constraint) {
        return violated(failure).map(constraint.toLowerCase(Locale.ROOT)::equals).orElse(false);
    }

    /** Lower case, without schema or table prefix, quotes, or H2's {@code _INDEX_n} suffix of a unique index. */
    static String normalise(String name) {
        String plain = name.strip().replace("`", "").replace("\"", "").toLowerCase(Locale.ROOT);
        int dot = plain.lastIndexOf('.');
        if (dot >= 0) {
            plain = plain.substring(dot + 1);
        }
        return plain.replaceFirst("_index_[0-9a-z]+$", "");
    }
}
