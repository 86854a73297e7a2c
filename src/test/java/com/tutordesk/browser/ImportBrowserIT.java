package com.tutordesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.tutordesk.testing.TestData;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 19 end to end: an admin imports a small client file and finds the new family on Clients. */
class ImportBrowserIT extends BrowserTest {

    private void click(String text) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text).setExact(true)).last().click();
    }

    @Test
    void an_admin_imports_a_small_client_file_and_finds_the_new_family_on_clients() {
        String tag = TestData.unique("x").substring(2);
        String family = "Quartz family " + tag;
        String csv = "Family,Parent Name,Parent Email,Student,Grade\n"
                + family + ",Quinn Quartz,quinn." + tag + "@example.org,Quill Quartz,Grade 7\n"
                + family + ",Quinn Quartz,quinn." + tag + "@example.org,Quentin Quartz,Grade 4\n";

        signIn("admin@example.org", "demo-admin-pass");
        page.navigate(app.baseUrl + "/import");
        assertThat(page.getByText("Import from spreadsheets")).isVisible();
        page.locator("vaadin-upload input[type=file]").setInputFiles(new FilePayload("families.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.getByText("families.csv: 2 rows, 5 columns", new Page.GetByTextOptions().setExact(false)))
                .isVisible();

        click("Dry run");
        assertThat(page.getByText("Dry run, nothing written: 2 to create, 0 to update, 0 unchanged",
                new Page.GetByTextOptions().setExact(false))).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions()
                .setHasText("Same client as row 2; new student Quentin Quartz"))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots",
                "ImportBrowserIT-1-dry-run.png")));

        click("Import");
        assertThat(page.getByText("Imported: 2 created, 0 updated, 0 unchanged").first()).isVisible();

        page.navigate(app.baseUrl + "/clients");
        page.locator("vaadin-text-field input").first().fill(tag);
        waitForGridCell("vaadin-grid", family);
    }
}
