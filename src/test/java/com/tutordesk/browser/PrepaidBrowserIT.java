package com.tutordesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.tutordesk.testing.TestData;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Prepaid packages in a real browser (issue 17): the office sells a 10-hour package, marks its invoice
 * paid, logs a 90-minute session, and sees 8 h 30 min left and the session as Prepaid.
 */
class PrepaidBrowserIT extends BrowserTest {

    @Test
    void an_admin_sells_a_10_hour_package_marks_it_paid_logs_90_minutes_and_sees_8_h_30_min_left() {
        TestData data = new TestData(app.jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder());
        String clientName = TestData.unique("Lindqvist family");
        long client = data.client(clientName);
        String student = TestData.unique("Maja Lindqvist");
        long studentId = data.student(client, student);
        String tutorName = TestData.unique("Prepaid Tutor");
        long tutor = data.tutor(tutorName);
        // $50.00 an hour: 10 h default to $500.00.
        data.engagement(tutor, studentId, data.subject(TestData.unique("Physics")), 5_000, 2_500);

        signIn("admin@example.org", "demo-admin-pass");
        page.getByText("Today and the next 7 days").waitFor();
        page.navigate(app.baseUrl + "/clients/" + client);
        page.locator("#prepaid-sell").click();
        page.waitForURL(Pattern.compile(".*/invoices/new\\?client=" + client + "$"));

        // The client's one engagement is chosen already.
        assertThat(page.locator("#package-engagement input")).not().hasValue("");
        assertThat(page.locator("#package-engagement input").inputValue()).startsWith(student + " — ");
        page.locator("#package-hours input").fill("10");
        page.locator("#package-hours input").press("Tab");
        assertThat(page.locator("#package-price input")).hasValue("500.00");
        page.locator("#add-package").click();
        assertThat(page.locator("#package-list")).containsText("Prepaid package: 10 h");
        assertThat(page.locator("#invoice-summary")).containsText("$500.00");
        page.locator("#submit-invoice").click();
        page.waitForURL(Pattern.compile(".*/invoices/\\d+$"));
        assertThat(page.locator("#invoice-totals")).containsText("$500.00");

        page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Mark as Paid")).click();
        page.locator("#payment-reference input").fill("CHQ-2207");
        page.locator("#confirm-payment").click();
        assertThat(page.locator(".invoice-status")).containsText("Paid");

        LocalDate yesterday = LocalDate.now(ZoneId.of("America/New_York")).minusDays(1);
        page.navigate(app.baseUrl + "/sessions");
        page.locator("#log-session").click();
        page.locator("#log-tutor input").fill(tutorName);
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(tutorName)).first().click();
        page.locator("#log-engagement input").click();
        page.locator("vaadin-combo-box-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setVisible(true).setHasText(student)).first().click();
        page.locator("#log-date input").fill(yesterday.format(DateTimeFormatter.ofPattern("M/d/yyyy")));
        page.locator("#log-date input").press("Enter");
        page.locator("#log-time input").fill("4:00 PM");
        page.locator("#log-time input").press("Enter");
        page.locator("#log-duration input").fill("90");
        page.locator("#log-duration input").press("Tab");
        assertThat(page.locator(".log-preview")).containsText("covered by package: 1 h 30 min of 10 h left");
        page.locator("#log-save").click();
        assertThat(page.locator("vaadin-dialog-overlay")).hasCount(0);

        page.navigate(app.baseUrl + "/clients/" + client);
        assertThat(page.locator("#prepaid-left")).hasText("8 h 30 min left");
        waitForGridCell("#prepaid-grid", "8:30");
        List<String> row = gridRows("#prepaid-grid").getFirst();
        assertThat(row).contains("10:00", "1:30", "8:30", "Active", "1 h 30 min");

        // Paid by cheque: the office pays the unused 8 h 30 min back ($500.00 × 510 / 600 = $425.00) and
        // records how; the package and the invoice page say so.
        page.locator("#prepaid-grid vaadin-button", new Page.LocatorOptions().setHasText("Refund unused hours")).click();
        assertThat(page.locator("#refund-unused-text")).containsText("pay $425.00 back to the family");
        page.locator("#refund-method").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("Cheque")).click();
        page.locator("#refund-reference input").fill("CHQ-3301");
        page.locator("#refund-unused-confirm").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText(
                "Refunded $425.00 by cheque on");
        waitForGridCell("#prepaid-grid", "Refunded $425.00 by cheque on");
        assertThat(page.locator("#prepaid-left")).hasText("0 min left");
        long invoice = app.jdbc.queryForObject("select invoice_id from prepaid_packages where client_id = ?",
                Long.class, client);
        page.navigate(app.baseUrl + "/invoices/" + invoice);
        assertThat(page.locator("#invoice-package-refunds")).containsText("unused 8 h 30 min of 10 h");
        assertThat(page.locator("#invoice-package-refunds")).containsText("reference CHQ-3301");

        page.navigate(app.baseUrl + "/sessions?client=" + client);
        waitForGridCell("#sessions-grid", student);
        assertThat(gridRows("#sessions-grid")).singleElement().satisfies(cells -> assertThat(cells).contains("Prepaid"));
        assertThat(app.jdbc.queryForObject("select billing_state from tutoring_sessions where client_id = ?",
                String.class, client)).isEqualTo("PREPAID");
    }
}
