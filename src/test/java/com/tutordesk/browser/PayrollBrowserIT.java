package com.tutordesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.tutordesk.payroll.PayCalendar;
import com.tutordesk.payroll.PayPeriod;
import com.tutordesk.settings.PayFrequency;
import com.tutordesk.settings.PaySchedule;
import com.tutordesk.testing.TestData;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Payroll in a real browser: the demo business's last pay period waits for its run; an admin opens
 * Payroll, goes to that period, opens a tutor's statement, approves it, downloads the PDF and marks
 * the tutor paid; the tutor signs in and finds the paid statement under My pay. The tutor is this
 * test's own, so other browser tests' demo sessions stay editable.
 */
class PayrollBrowserIT extends BrowserTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String PASSWORD = "payroll-browser-pass-1";

    @Test
    void an_admin_approves_the_last_period_for_a_tutor_and_marks_them_paid_and_the_tutor_sees_the_statement()
            throws Exception {
        TestData data = new TestData(app.jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder());
        String tutorName = TestData.unique("Tomás Payroll");
        long tutor = data.tutor(tutorName);
        String tutorEmail = data.tutorLogin(tutor, PASSWORD);
        long student = data.student(data.client(TestData.unique("Ødegaard family")), "Zoë Ødegaard");
        long engagement = data.engagement(tutor, student, data.subject(TestData.unique("Chemistry")), 7000, 3600);
        // The demo pays twice a month; its last period that has ended waits for the payroll run.
        PayCalendar calendar = new PayCalendar(new PaySchedule(PayFrequency.TWICE_A_MONTH, LocalDate.of(2026, 1, 1)));
        PayPeriod last = calendar.previous(calendar.containing(LocalDate.now(NEW_YORK)));
        data.session(engagement, last.start().plusDays(1).atTime(16, 0).atZone(NEW_YORK).toInstant(), 60, "COMPLETED");
        // 11:30 PM on the period's last day still belongs to it.
        data.session(engagement, last.end().atTime(23, 30).atZone(NEW_YORK).toInstant(), 45, "COMPLETED");

        signIn("admin@example.org", "demo-admin-pass");
        page.getByText("Today and the next 7 days").waitFor();
        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Payroll")).click();
        page.waitForURL(Pattern.compile(".*/payroll$"));
        page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Previous")).click();
        page.waitForURL(Pattern.compile(".*/payroll\\?period=" + last.start() + "$"));
        waitForGridCell("#payroll-grid", tutorName);
        assertThat(page.locator("#approve-period")).isVisible();
        snapshot("period");

        page.locator("#payroll-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(tutorName)).first().click();
        page.waitForURL(Pattern.compile(".*/pay-statements/" + tutor + "/" + last.start() + "$"));
        waitForGridCell("#statement-lines", "Zoë Ødegaard");
        assertThat(page.locator("#statement-totals")).containsText("$63.00");
        page.locator("#approve-tutor").click();
        assertThat(page.locator(".pay-state")).hasText("Approved");

        Download download = page.waitForDownload(() -> page.locator("#download-statement-pdf vaadin-button").click());
        assertThat(download.suggestedFilename()).endsWith("-" + last.start() + ".pdf");
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("PAY STATEMENT — APPROVED", tutorName, "Zoë Ødegaard", "45 min", "$27.00",
                    "1:45 h", "$63.00", "Maple Grove Tutoring");
        }

        page.locator("#mark-paid").click();
        page.locator("#payout-reference input").fill("ACH-" + last.start());
        page.locator("#confirm-payout").click();
        assertThat(page.locator(".pay-state")).hasText("Paid");
        snapshot("paid");

        page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Log out")).click();
        page.waitForURL(Pattern.compile(".*/login.*"));
        signIn(tutorEmail, PASSWORD);
        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("My pay")).click();
        page.waitForURL(Pattern.compile(".*/my-pay$"));
        waitForGridCell("#my-pay-grid", Pattern.compile("^Paid "));
        assertThat(page.locator("#my-pay-figures")).containsText("Unpaid");
        page.locator("#my-pay-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^Paid "))).first().click();
        page.waitForURL(Pattern.compile(".*/pay-statements/" + tutor + "/" + last.start() + "$"));
        waitForGridCell("#statement-lines", "Zoë Ødegaard");
        assertThat(page.locator(".pay-state")).hasText("Paid");
        assertThat(page.locator("#statement-totals")).containsText("$63.00");
        assertThat(page.locator("#approve-tutor")).isHidden();
        assertThat(page.locator("#add-adjustment")).hasCount(0);
    }

    /** A full-page picture of a step, next to the one BrowserTest takes at the end. */
    private void snapshot(String step) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(java.nio.file.Path.of("target", "screenshots", "PayrollBrowserIT-" + step + ".png")));
    }
}
