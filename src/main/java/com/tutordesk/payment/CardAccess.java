package com.tutordesk.payment;

import com.tutordesk.security.CurrentUser;
import java.util.Objects;

/**
 * Who may charge, refund and handle cards (domain.md "Roles": invoices, charges, cards — admins all
 * clients; a tutor with Enhanced Access the clients they added; a tutor without Enhanced Access none).
 */
final class CardAccess {

    private CardAccess() {
    }

    static boolean mayHandle(CurrentUser user, Long clientAddedByTutorId) {
        return user.isAdmin() || (user.enhancedAccess() && Objects.equals(clientAddedByTutorId, user.tutorId()));
    }
}
