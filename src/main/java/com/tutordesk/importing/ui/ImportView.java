package com.tutordesk.importing.ui;

import com.tutordesk.importing.ColumnMapping;
import com.tutordesk.importing.ImportField;
import com.tutordesk.importing.ImportKind;
import com.tutordesk.importing.ImportRefusedException;
import com.tutordesk.importing.ImportResult;
import com.tutordesk.importing.ImportRow;
import com.tutordesk.importing.ImportService;
import com.tutordesk.importing.MatchPolicy;
import com.tutordesk.importing.RowAction;
import com.tutordesk.importing.Spreadsheet;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.RuleViolationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadEvent;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Import from spreadsheets (issue 19, admins): choose what the file holds, download its template,
 * upload a .csv or .xlsx file, check the column mapping guessed from its headers, run a dry run
 * that lists every row (create, update, skip, or the errors with row and column), then import.
 * Nothing is written before "Import"; the import is all or nothing.
 */
@Route("import")
@PageTitle("Import · Tutordesk")
@Menu(title = "Import", order = 88, icon = "vaadin:upload")
@RolesAllowed("ADMIN")
class ImportView extends Main {

    final Select<ImportKind> kind = new Select<>();
    final Anchor template = new Anchor();
    final Upload upload = new Upload();
    final Span fileStatus = new Span("No file yet.");
    final FormLayout mappingForm = new FormLayout();
    final Map<String, Select<Integer>> mappingFields = new LinkedHashMap<>();
    final RadioButtonGroup<MatchPolicy> policy = new RadioButtonGroup<>("Rows that match an existing record");
    final Button dryRun = new Button("Dry run");
    final Button importButton = new Button("Import");
    final Span summary = new Span();
    final Grid<ImportRow> rows = new Grid<>();
    private final Paragraph rules = new Paragraph();
    private final ImportService imports;
    private Spreadsheet sheet;
    private ImportResult checked;

    ImportView(ImportService imports) {
        this.imports = imports;
        addClassNames("directory-view", "import-view");
        kind.setLabel("The file holds");
        kind.setItems(ImportKind.values());
        kind.setItemLabelGenerator(ImportKind::label);
        kind.setValue(ImportKind.CLIENTS);
        kind.addValueChangeListener(e -> kindChanged());
        template.getElement().setAttribute("download", true);

        upload.setMaxFiles(1);
        upload.setMaxFileSize(Spreadsheet.MAX_BYTES);
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setUploadHandler(this::upload);
        upload.addFileRejectedListener(e -> error(e.getErrorMessage()));

        policy.setItems(MatchPolicy.values());
        policy.setItemLabelGenerator(p -> p == MatchPolicy.UPDATE ? "Update them with the file's values"
                : "Leave them as they are");
        policy.setValue(MatchPolicy.SKIP);
        policy.addValueChangeListener(e -> invalidate());

        dryRun.addClickListener(e -> dryRun());
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setDisableOnClick(true);
        importButton.addClickListener(e -> runImport());

        rows.addColumn(ImportRow::row).setHeader("Row").setAutoWidth(true).setFlexGrow(0);
        rows.addComponentColumn(r -> badge(r.action())).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(ImportRow::description).setHeader("What").setFlexGrow(2);
        rows.addColumn(r -> String.join("; ", r.errors())).setHeader("Errors").setFlexGrow(2)
                .setPartNameGenerator(r -> r.errors().isEmpty() ? null : "import-error");
        rows.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        rows.setAllRowsVisible(false);
        rows.setHeight("28rem");

        HorizontalLayout chooser = new HorizontalLayout(kind, template);
        chooser.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        HorizontalLayout actions = new HorizontalLayout(dryRun, importButton, summary);
        actions.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(new H2("Import from spreadsheets"), chooser, rules, upload, fileStatus, new H3("Columns"), mappingForm,
                policy, actions, rows);
        kindChanged();
    }

    /** Takes an uploaded file (the upload handler calls this with the session locked). */
    /**
     * Reads the uploaded file into memory, at most {@link Spreadsheet#MAX_BYTES} + 1 bytes: the
     * component's size limit is checked only in the browser, and a request that claims less than it
     * sends must not fill the server's memory either.
     */
    private void upload(UploadEvent event) throws java.io.IOException {
        String fileName = event.getFileName();
        if (event.getFileSize() > Spreadsheet.MAX_BYTES) {
            event.reject(fileName + " is larger than " + Spreadsheet.MAX_BYTES / 1024 / 1024
                    + " MB: split it into several files");
            return;
        }
        byte[] content;
        try (java.io.InputStream in = event.getInputStream()) {
            content = in.readNBytes(Spreadsheet.MAX_BYTES + 1);
        }
        event.getUI().access(() -> receive(fileName, content));
    }

    void receive(String fileName, byte[] content) {
        try {
            sheet = imports.read(fileName, content);
        } catch (InvalidFieldException e) {
            sheet = null;
            fileStatus.setText(e.getMessage());
            error(e.getMessage());
            showMapping();
            return;
        }
        fileStatus.setText(sheet.fileName() + ": " + sheet.rows().size() + (sheet.rows().size() == 1 ? " row" : " rows")
                + ", " + sheet.headers().size() + " columns. Row numbers below are the spreadsheet's (the header is row 1).");
        showMapping();
    }

    private void kindChanged() {
        ImportKind chosen = kind.getValue();
        template.setText("Download the " + chosen.label().toLowerCase() + " template (CSV)");
        template.setHref(DownloadHandler.fromInputStream(event -> new com.vaadin.flow.server.streams.DownloadResponse(
                new java.io.ByteArrayInputStream(imports.template(chosen)), ImportService.templateFileName(chosen),
                "text/csv; charset=UTF-8", -1)));
        rules.setText(chosen.label() + ": " + chosen.rules() + ". Amounts are written like " + imports.amountFormat()
                + " (the business's locale and currency); lengths in minutes (60) or h:mm (1:30)"
                + (chosen == ImportKind.SESSIONS ? "; dates like " + imports.dateFormat() + " or 2026-10-05." : "."));
        showMapping();
    }

    private void showMapping() {
        mappingForm.removeAll();
        mappingFields.clear();
        invalidate();
        boolean ready = sheet != null;
        dryRun.setEnabled(ready);
        if (!ready) {
            return;
        }
        ColumnMapping guessed = imports.guess(kind.getValue(), sheet);
        List<Integer> columns = new ArrayList<>();
        columns.add(-1);
        IntStream.range(0, sheet.headers().size()).forEach(columns::add);
        for (ImportField field : kind.getValue().fields()) {
            Select<Integer> select = new Select<>();
            select.setLabel(field.label() + (field.required() ? " *" : ""));
            select.setItems(columns);
            select.setItemLabelGenerator(i -> i < 0 ? "— not in the file —" : header(i));
            select.setValue(guessed.column(field.key()));
            select.addValueChangeListener(e -> invalidate());
            mappingFields.put(field.key(), select);
            mappingForm.add(select);
        }
    }

    private String header(int column) {
        String header = sheet.headers().get(column);
        return header.isBlank() ? "Column " + (column + 1) : header;
    }

    ColumnMapping mapping() {
        ColumnMapping mapping = new ColumnMapping(Map.of());
        for (var entry : mappingFields.entrySet()) {
            mapping = mapping.with(entry.getKey(), entry.getValue().getValue());
        }
        return mapping;
    }

    /** A change of file, mapping or policy needs a new dry run before importing. */
    private void invalidate() {
        checked = null;
        importButton.setEnabled(false);
    }

    void dryRun() {
        try {
            ImportResult result = imports.dryRun(kind.getValue(), sheet, mapping(), policy.getValue());
            show(result);
            checked = result.errorRows() == 0 ? result : null;
            importButton.setEnabled(checked != null && (result.created() + result.updated()) > 0);
        } catch (RuleViolationException e) {
            error(e.getMessage());
        }
    }

    void runImport() {
        if (checked == null) {
            importButton.setEnabled(false);
            return;
        }
        try {
            ImportResult result = imports.run(kind.getValue(), sheet, mapping(), policy.getValue());
            show(result);
            Notification.show("Imported " + sheet.fileName() + ": " + counts(result), 5000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            invalidate();
        } catch (ImportRefusedException e) {
            show(e.result());
            invalidate();
            error(e.getMessage());
        } catch (RuleViolationException e) {
            invalidate();
            error(e.getMessage());
        }
    }

    private void show(ImportResult result) {
        rows.setItems(result.rows());
        summary.setText((result.written() ? "Imported: " : "Dry run, nothing written: ") + counts(result)
                + (result.errorRows() > 0 ? ", " + result.errorRows() + " with errors — fix the file and upload it again"
                        : ""));
    }

    /** @return rows by action, e.g. "3 to create, 1 to update, 2 unchanged" ("created" once written) */
    private static String counts(ImportResult result) {
        return result.written()
                ? result.created() + " created, " + result.updated() + " updated, " + result.skipped() + " unchanged"
                : result.created() + " to create, " + result.updated() + " to update, " + result.skipped() + " unchanged";
    }

    private static Span badge(RowAction action) {
        Span badge = new Span(switch (action) {
            case CREATE -> "Create";
            case UPDATE -> "Update";
            case SKIP -> "Skip";
            case ERROR -> "Error";
        });
        badge.addClassNames("status-badge", switch (action) {
            case CREATE -> "badge-active";
            case UPDATE -> "badge-info";
            case SKIP -> "badge-inactive";
            case ERROR -> "badge-error";
        });
        return badge;
    }

    private static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
