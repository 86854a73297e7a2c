package com.tutordesk.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * Base of the browser tier: Debian's Chromium driven by Playwright for Java against the packaged
 * app. Each test gets a fresh browser context (no shared cookies) and leaves a screenshot under
 * target/screenshots.
 */
abstract class BrowserTest {

    private static Playwright playwright;
    private static Browser browser;

    protected RunningApp app;
    protected BrowserContext context;
    protected Page page;

    @BeforeEach
    void openBrowser() {
        app = RunningApp.get();
        context = sharedBrowser().newContext(new Browser.NewContextOptions().setViewportSize(1400, 900)
                .setLocale("en-US"));
        context.setDefaultTimeout(20_000);
        // Assertions wait 5 s by default; on a loaded 2-core machine a page round-trip can take longer.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        page = context.newPage();
    }

    /** @return the test JVM's one Chromium, launched on first use */
    static synchronized Browser sharedBrowser() {
        if (browser == null) {
            playwright = Playwright.create();
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(System.getProperty("tutordesk.chromium", "/usr/bin/chromium")))
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--disable-dev-shm-usage")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    @AfterEach
    void screenshotAndClose(TestInfo info) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        String name = info.getTestClass().map(Class::getSimpleName).orElse("test") + "-"
                + info.getTestMethod().map(m -> m.getName()).orElse("step") + ".png";
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name)).setFullPage(true));
        context.close();
    }

    /** Signs in through the login form and waits for the next page. */
    protected void signIn(String email, String password) {
        page.navigate(app.baseUrl + "/login");
        page.locator("vaadin-login-form input[name=username]").fill(email);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
    }

    /** Waits until a grid shows a body cell containing {@code text}. */
    protected void waitForGridCell(String gridSelector, String text) {
        page.locator(gridSelector + " vaadin-grid-cell-content")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(text).setVisible(true))
                .first().waitFor();
    }

    /**
     * Waits until a grid shows a body cell whose text matches {@code cellPattern} (a JavaScript
     * regular expression: no {@code Pattern.quote}, whose \Q…\E JavaScript lacks).
     */
    protected void waitForGridCell(String gridSelector, java.util.regex.Pattern cellPattern) {
        page.locator(gridSelector + " vaadin-grid-cell-content")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(cellPattern).setVisible(true))
                .first().waitFor();
    }

    /**
     * @return the texts of the grid's rendered body rows, in row order, one list of cell texts per
     *         row (read from the grid's own row elements, so hidden pooled rows are skipped)
     */
    @SuppressWarnings("unchecked")
    protected List<List<String>> gridRows(String gridSelector) {
        Object rows = page.locator(gridSelector).evaluate("""
                grid => [...grid.shadowRoot.querySelectorAll('tbody#items tr')]
                    .filter(tr => !tr.hidden && tr.index !== undefined && tr.index < grid.size)
                    .sort((a, b) => a.index - b.index)
                    .map(tr => [...tr.querySelectorAll('td')].map(td => {
                        const slot = td.querySelector('slot');
                        const content = slot && slot.assignedElements()[0];
                        return content ? content.innerText.trim() : '';
                    }))""");
        return (List<List<String>>) rows;
    }

    /** @return one column of {@link #gridRows}, blank cells left out */
    protected List<String> columnTexts(String gridSelector, int columnIndex) {
        return gridRows(gridSelector).stream()
                .map(row -> row.size() > columnIndex ? row.get(columnIndex) : "")
                .filter(text -> !text.isBlank())
                .toList();
    }
}
