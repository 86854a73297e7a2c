package com.tutordesk.billing;

import com.tutordesk.security.CurrentUser;
import java.util.Objects;

/** Who may bill whom (domain.md "Roles": invoices — admin yes, Enhanced Access own clients, tutor no). */
final class BillingAccess {

    private BillingAccess() {
    }

    /** @return whether the user may see and make invoices of a client added by {@code clientAddedByTutorId} */
    static boolean mayBill(CurrentUser user, Long clientAddedByTutorId) {
        return user.isAdmin() || (user.enhancedAccess() && Objects.equals(clientAddedByTutorId, user.tutorId()));
    }

    /** @return whether the user may open billing pages at all */
    static boolean mayUseBilling(CurrentUser user) {
        return user.isAdmin() || user.enhancedAccess();
    }
}
