package com.tutordesk.shared;

import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * Optimistic locking for forms: a form remembers the version of the record it was read at, and
 * saving it over a newer version is refused instead of silently overwriting someone else's edit.
 * (The entity's {@code @Version} column also catches two saves racing in the same instant.)
 */
public final class Versions {

    private Versions() {
    }

    /**
     * @throws ObjectOptimisticLockingFailureException when {@code actual != expected}; the shell
     *         turns it into "Someone else changed this record in the meantime…"
     */
    public static void require(Class<?> entity, Object id, long actual, long expected) {
        if (actual != expected) {
            throw new ObjectOptimisticLockingFailureException(entity, id);
        }
    }
}
