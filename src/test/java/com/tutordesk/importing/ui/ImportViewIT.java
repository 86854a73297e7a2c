package com.tutordesk.importing.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.importing.ImportKind;
import com.tutordesk.importing.ImportRow;
import com.tutordesk.importing.ImportService;
import com.tutordesk.importing.MatchPolicy;
import com.tutordesk.importing.RowAction;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Import page: upload, guessed mapping, dry run, import only after a clean dry run; admins only. */
@IntegrationTest
class ImportViewIT extends SpringBrowserlessTest {

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ImportService imports;

    @BeforeEach
    void setUp() {
        signIn.as(DemoAccounts.read(jdbc).adminEmail());
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    @Test
    void an_admin_maps_dry_runs_and_imports_a_client_file() {
        ImportView view = navigate(ImportView.class);
        String email = TestData.unique("rivera") + "@example.org";
        assertThat(view.dryRun.isEnabled()).isFalse();
        view.receive("families.csv", ("Family,Parent Name,Parent Email,Student,Rate\n"
                + "Rivera family,Rosa Rivera," + email + ",Rio Rivera,45\n").getBytes(StandardCharsets.UTF_8));

        assertThat(view.fileStatus.getText()).startsWith("families.csv: 1 row, 5 columns");
        assertThat(view.mappingFields.get("contactEmail").getValue()).isEqualTo(2);
        assertThat(view.mappingFields.get("gradeLevel").getValue()).isEqualTo(-1);
        assertThat(view.importButton.isEnabled()).isFalse();

        test(view.dryRun).click();
        assertThat(view.summary.getText()).isEqualTo("Dry run, nothing written: 1 to create, 0 to update, 0 unchanged");
        var grid = test(view.rows);
        assertThat(grid.getRow(0).action()).isEqualTo(RowAction.CREATE);
        assertThat(jdbc.queryForObject("select count(*) from clients where billing_contact_email = ?", Integer.class,
                email)).isZero();
        assertThat(view.importButton.isEnabled()).isTrue();

        test(view.importButton).click();
        assertThat(view.summary.getText()).isEqualTo("Imported: 1 created, 0 updated, 0 unchanged");
        assertThat(jdbc.queryForObject("select count(*) from clients where billing_contact_email = ?", Integer.class,
                email)).isOne();
        assertThat(view.importButton.isEnabled()).isFalse();
    }

    @Test
    void a_dry_run_with_errors_keeps_import_off_and_lists_the_errors() {
        ImportView view = navigate(ImportView.class);
        view.receive("bad.csv", "Parent Name,Parent Email\nNo Email,\n".getBytes(StandardCharsets.UTF_8));
        test(view.dryRun).click();
        var grid = test(view.rows);
        ImportRow row = grid.getRow(0);
        assertThat(row.errors()).containsExactly("row 2, Billing contact email: is required");
        assertThat(view.importButton.isEnabled()).isFalse();
        assertThat(view.summary.getText()).contains("1 with errors");
    }

    @Test
    void changing_the_mapping_needs_a_new_dry_run() {
        ImportView view = navigate(ImportView.class);
        view.receive("ok.csv", ("Parent Name,Parent Email\nOk Parent," + TestData.unique("ok") + "@example.org\n")
                .getBytes(StandardCharsets.UTF_8));
        test(view.dryRun).click();
        assertThat(view.importButton.isEnabled()).isTrue();
        view.mappingFields.get("contactPhone").setValue(0);
        assertThat(view.importButton.isEnabled()).isFalse();
    }

    @Test
    void each_template_lists_the_recognised_headers_and_reads_back_cleanly() {
        for (ImportKind kind : ImportKind.values()) {
            byte[] template = imports.template(kind);
            var sheet = imports.read("template.csv", template);
            assertThat(sheet.headers()).as(kind.name()).containsExactlyElementsOf(
                    kind.fields().stream().map(f -> f.label()).toList());
            assertThat(imports.guess(kind, sheet).columns()).as(kind.name()).hasSize(kind.fields().size());
        }
        var clients = imports.read("c.csv", imports.template(ImportKind.CLIENTS));
        assertThat(imports.dryRun(ImportKind.CLIENTS, clients, imports.guess(ImportKind.CLIENTS, clients),
                MatchPolicy.SKIP).errors()).isEmpty();
    }

    @Test
    void a_tutor_cannot_open_the_import_page() {
        signIn.as(DemoAccounts.read(jdbc).enhancedTutorEmail());
        assertThatThrownBy(() -> navigate(ImportView.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
