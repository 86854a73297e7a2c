package com.tutordesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.tutordesk.testing.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * "Invoice all clients" in a real browser on the demo business: an admin opens it from Payments, picks
 * this test's own tutor (so other browser tests' demo sessions stay unbilled), runs last month, watches
 * the run finish and sees each client's result; Payments' Unbilled falls and Outstanding rises by the
 * run's total.
 */
class BillingRunBrowserIT extends BrowserTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void an_admin_invoices_last_month_for_a_tutor_and_sees_the_result_list_and_the_payments_totals_move() {
        TestData data = new TestData(app.jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder());
        String tutorName = TestData.unique("Runa Billing");
        long tutor = data.tutor(tutorName);
        long subject = data.subject(TestData.unique("Geometry"));
        LocalDate lastMonth = LocalDate.now(NEW_YORK).withDayOfMonth(1).minusMonths(1);
        String[] families = {TestData.unique("Åberg family"), TestData.unique("Nakamura family")};
        for (String family : families) {
            long student = data.student(data.client(family), "Kid " + family);
            long engagement = data.engagement(tutor, student, subject, 6_000, 3_000);
            data.session(engagement, lastMonth.plusDays(3).atTime(16, 0).atZone(NEW_YORK).toInstant(), 60, "COMPLETED");
            data.session(engagement, lastMonth.plusDays(10).atTime(16, 0).atZone(NEW_YORK).toInstant(), 30, "COMPLETED");
        }

        signIn("admin@example.org", "demo-admin-pass");
        page.getByText("Today and the next 7 days").waitFor();
        page.navigate(app.baseUrl + "/payments");
        BigDecimal unbilled = amount(".payments-total-unbilled .payments-total-amount");
        BigDecimal outstanding = amount(".payments-total-outstanding .payments-total-amount");

        page.locator("#invoice-all-clients").click();
        page.waitForURL(Pattern.compile(".*/invoices/run$"));
        page.locator("#run-tutor input").fill(tutorName);
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(tutorName)).first().click();
        waitForGridCell("#run-preview", families[0]);
        waitForGridCell("#run-preview", families[1]);
        assertThat(page.locator("#run-grand-total")).hasText("2 clients, 4 sessions, grand total $180.00");

        page.locator("#run-start").click();
        page.waitForURL(Pattern.compile(".*/invoices/run\\?run=\\d+$"));
        assertThat(page.locator("#run-progress-text")).hasText("Done: 2 clients",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        // Client, Sessions, Packages, Total, Result.
        assertThat(columnTexts("#run-results", 4)).containsExactly(
                "Issued, emailed with its pay link", "Issued, emailed with its pay link");

        page.navigate(app.baseUrl + "/payments");
        assertThat(amount(".payments-total-unbilled .payments-total-amount"))
                .isEqualByComparingTo(unbilled.subtract(new BigDecimal("180.00")));
        assertThat(amount(".payments-total-outstanding .payments-total-amount"))
                .isEqualByComparingTo(outstanding.add(new BigDecimal("180.00")));
    }

    private BigDecimal amount(String selector) {
        page.locator(selector).waitFor();
        return new BigDecimal(page.locator(selector).innerText().replaceAll("[^0-9.\\-]", ""));
    }
}
