package com.tutordesk.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The message that refuses changing an invoiced or paid session (domain.md: "cancel the invoice first"). */
class SessionBillingLockTest {

    @Test
    void an_invoiced_session_names_its_invoice_when_the_billing_module_knows_it() {
        assertThat(SessionGuard.billingLock(BillingState.INVOICED, Optional.of("INV-000123")))
                .isEqualTo("it is on invoice INV-000123 — cancel invoice INV-000123 first");
        assertThat(SessionGuard.billingLock(BillingState.PAID, Optional.of("INV-000042")))
                .isEqualTo("it is paid (invoice INV-000042) — undo its payment (a card payment: refund it), then cancel"
                        + " invoice INV-000042 first");
    }

    @Test
    void without_an_invoice_number_it_still_says_what_to_do() {
        assertThat(SessionGuard.billingLock(BillingState.INVOICED, Optional.empty()))
                .isEqualTo("it is invoiced — cancel its invoice first");
        assertThat(SessionGuard.billingLock(BillingState.PAID, Optional.empty()))
                .isEqualTo("it is paid — undo its payment (a card payment: refund it), then cancel its invoice first");
    }

    @Test
    void an_unbilled_session_is_not_locked() {
        assertThat(SessionGuard.billingLock(BillingState.UNBILLED, Optional.of("INV-000001"))).isNull();
    }

    @Test
    void stars_show_the_rating_in_the_email() {
        assertThat(SessionReportService.stars(4)).isEqualTo("★★★★☆ (4 of 5)");
        assertThat(SessionReportService.stars(1)).isEqualTo("★☆☆☆☆ (1 of 5)");
    }
}
