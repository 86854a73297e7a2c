package com.tutordesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.tutordesk.testing.TestData;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Invoicing in a real browser: an admin invoices a client with three unbilled sessions, leaves one
 * out, adds a −10.00 adjustment, sends it, downloads the PDF, marks it paid, and finds the sessions
 * paid in the Sessions list.
 */
class InvoiceBrowserIT extends BrowserTest {

    @Test
    void an_admin_invoices_two_of_three_sessions_with_a_discount_downloads_the_pdf_and_marks_it_paid()
            throws Exception {
        TestData data = new TestData(app.jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder());
        String clientName = TestData.unique("Okafor family");
        long client = data.client(clientName);
        long student = data.student(client, "Zoë Okafor");
        long tutor = app.jdbc.queryForObject("select min(id) from tutors", Long.class);
        long engagement = data.engagement(tutor, student, data.subject(TestData.unique("Chemistry")), 7225, 3600);
        Instant now = Instant.now();
        // 45 minutes at 72.25/h = 54.1875 → 54.19 each (stored on the session, rounded once).
        List<Long> sessions = List.of(
                data.session(engagement, now.minus(Duration.ofDays(12)), 45, "COMPLETED"),
                data.session(engagement, now.minus(Duration.ofDays(9)), 45, "COMPLETED"),
                data.session(engagement, now.minus(Duration.ofDays(5)), 45, "COMPLETED"));

        signIn("admin@example.org", "demo-admin-pass");
        page.getByText("Today and the next 7 days").waitFor();
        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Payments")).click();
        page.waitForURL(Pattern.compile(".*/payments$"));
        assertThat(page.locator(".payments-total-unbilled")).containsText("Unbilled");
        // The clients to bill are listed A–Z, a page at a time; the new client is among them somewhere.
        waitForGridCell("#unbilled-clients-grid", "Create invoice");
        snapshot("payments");

        page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Create invoice")).first().click();
        page.waitForURL(Pattern.compile(".*/invoices/new$"));
        page.locator("#invoice-client input").fill(clientName);
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(clientName)).first().click();
        page.waitForURL(Pattern.compile(".*/invoices/new\\?client=" + client + "$"));
        waitForGridCell("#invoice-sessions", "Zoë Okafor");
        assertThat(page.locator("#invoice-summary")).containsText("3 of 3 sessions");
        assertThat(page.locator("#invoice-summary")).containsText("$162.57");

        // Leave the newest session out: untick its row.
        rowCheckbox("#invoice-sessions", 2).click();
        assertThat(page.locator("#invoice-summary")).containsText("2 of 3 sessions");
        page.locator("#adjustment-amount input").fill("-10.00");
        page.locator("#adjustment-memo input").fill("Sibling discount");
        page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Add adjustment")).click();
        assertThat(page.locator("#invoice-summary")).containsText("$98.38");
        snapshot("create");

        page.locator("#submit-invoice").click();
        page.waitForURL(Pattern.compile(".*/invoices/\\d+$"));
        String number = app.jdbc.queryForObject("select i.number from invoices i join invoice_lines l"
                + " on l.invoice_id = i.id where l.active_session_id = ?", String.class, sessions.get(0));
        assertThat(page.locator("h2")).containsText(number);
        assertThat(page.locator(".invoice-status")).containsText("Outstanding");
        assertThat(page.locator("#invoice-totals")).containsText("$98.38");

        Download download = page.waitForDownload(() -> page.locator("#download-pdf vaadin-button").click());
        assertThat(download.suggestedFilename()).isEqualTo(number + ".pdf");
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains(number, "Zoë Okafor", "45 min", "$54.19", "Adjustment: Sibling discount",
                    "-$10.00", "$98.38", "Maple Grove Tutoring");
        }

        page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Mark as Paid")).click();
        page.locator("#payment-reference input").fill("TR-4711");
        page.locator("#confirm-payment").click();
        assertThat(page.locator(".invoice-status")).containsText("Paid");
        assertThat(page.locator("#invoice-payments")).containsText("$98.38 · Bank transfer");
        snapshot("paid");

        page.navigate(app.baseUrl + "/sessions?client=" + client);
        waitForGridCell("#sessions-grid", "Zoë Okafor");
        List<List<String>> rows = gridRows("#sessions-grid");
        assertThat(rows).hasSize(3);
        // Columns: date, student, client, tutor, subject, duration, status, report, billing, … (issue 12: one
        // Billing column in place of Invoiced and Paid)
        assertThat(rows).extracting(row -> row.get(8)).containsExactly("Unbilled", "Paid", "Paid");
        assertThat(app.jdbc.queryForList("select billing_state from tutoring_sessions where id in (?, ?, ?) order by id",
                String.class, sessions.get(0), sessions.get(1), sessions.get(2))).containsExactly("PAID", "PAID", "UNBILLED");
    }

    /** A full-page picture of a step, next to the one BrowserTest takes at the end. */
    private void snapshot(String step) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(java.nio.file.Path.of("target", "screenshots", "InvoiceBrowserIT-" + step + ".png")));
    }

    /** The selection checkbox of a grid row (by row index), found through the grid's own row elements. */
    private ElementHandle rowCheckbox(String gridSelector, int rowIndex) {
        Locator grid = page.locator(gridSelector);
        grid.waitFor();
        return grid.evaluateHandle("""
                (grid, index) => {
                    const tr = [...grid.shadowRoot.querySelectorAll('tbody#items tr')].find(r => r.index === index);
                    const content = tr.querySelector('td slot').assignedElements()[0];
                    return content.querySelector('vaadin-checkbox');
                }""", rowIndex).asElement();
    }
}
