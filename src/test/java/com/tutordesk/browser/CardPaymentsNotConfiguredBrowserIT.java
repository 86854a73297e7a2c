package com.tutordesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The packaged app as it runs by default, without Stripe keys: the card section is there, its
 * actions disabled with "Card payments are not configured".
 */
class CardPaymentsNotConfiguredBrowserIT extends BrowserTest {

    @Test
    void without_stripe_keys_the_card_actions_show_disabled_with_the_reason() {
        long client = app.jdbc.queryForObject("select min(id) from clients", Long.class);
        signIn("admin@example.org", "demo-admin-pass");
        page.getByText("Today and the next 7 days").waitFor();
        page.navigate(app.baseUrl + "/clients/" + client);

        assertThat(page.locator("#card-summary")).hasText("No card on file");
        assertThat(page.locator("#card-send-setup-link")).isDisabled();
        assertThat(page.locator("#card-enable-autopay")).isDisabled();
        assertThat(page.locator("#card-disabled-reason")).hasText("Card payments are not configured");
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots",
                "CardPaymentsNotConfiguredBrowserIT-client.png")));
    }
}
