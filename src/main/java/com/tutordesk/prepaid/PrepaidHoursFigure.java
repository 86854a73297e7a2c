package com.tutordesk.prepaid;

import com.tutordesk.billing.PaymentsPageFigure;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.BusinessProfile;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * "Prepaid hours left" on the Payments page (issue 17): the minutes left on paid packages, valued at the
 * packages' prices — money received for hours not yet given, which Unbilled no longer counts.
 */
@Component
class PrepaidHoursFigure implements PaymentsPageFigure {

    private final PrepaidService prepaid;
    private final CurrentUserService currentUsers;

    PrepaidHoursFigure(PrepaidService prepaid, CurrentUserService currentUsers) {
        this.prepaid = prepaid;
        this.currentUsers = currentUsers;
    }

    @Override
    public Optional<Figure> figure() {
        boolean may = currentUsers.find().map(user -> user.isAdmin() || user.enhancedAccess()).orElse(false);
        if (!may) {
            return Optional.empty();
        }
        PrepaidTotals totals = prepaid.totals();
        return Optional.of(new Figure("Prepaid hours left", totals.valueLeftMinor(),
                BusinessProfile.formatDuration(Math.toIntExact(totals.minutesLeft()))));
    }
}
