package com.tutordesk.billing;

import com.tutordesk.mail.MailOutbox;
import com.tutordesk.mail.OutboxMessage;
import com.tutordesk.shared.RuleViolationException;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job of a billing run ({@value BillingConfiguration#BILLING_RUN_TASK}, instance id = run id): goes
 * through the run's clients still PENDING, one short transaction each, in which the client's invoice
 * is made (as one invoice would be: {@link InvoiceIssuingService#createForRun}) and the client's outcome
 * written — both or neither. So the job may be killed at any moment and run again (db-scheduler hands a
 * dead node's execution to another node): clients already done are skipped, and a session that is on
 * an invoice already is refused by the database (uq_invoice_lines_active_session) and reported
 * "already invoiced". The client's prepaid package lines (issue 17) are sold on that same invoice, in
 * that same transaction, so a resumed run never sells a package line twice either. An issued invoice is charged or emailed by the payment module right after its
 * commit, in this thread (shared.ModuleEventsConfiguration), so the outcome read afterwards is true.
 */
@Component
class BillingRunJob {

    private static final Logger log = LoggerFactory.getLogger(BillingRunJob.class);

    private final BillingRunRepository runs;
    private final BillingRunClientRepository runClients;
    private final InvoiceIssuingService issuing;
    private final InvoiceRepository invoices;
    private final MailOutbox outbox;
    private final Clock clock;
    private final TransactionTemplate transaction;

    BillingRunJob(BillingRunRepository runs, BillingRunClientRepository runClients, InvoiceIssuingService issuing,
            InvoiceRepository invoices, MailOutbox outbox, Clock clock, PlatformTransactionManager transactions) {
        this.runs = runs;
        this.runClients = runClients;
        this.issuing = issuing;
        this.invoices = invoices;
        this.outbox = outbox;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Works through the run's pending clients.
     *
     * @param stopping asked between clients; when true the job stops and throws, so that db-scheduler
     *                 runs it again later (on any node) for the clients left
     * @throws IllegalStateException when stopped before the end
     */
    void run(long runId, BooleanSupplier stopping) {
        BillingRun run = runs.findById(runId).orElse(null);
        if (run == null) {
            return;
        }
        List<Long> pending = runClients.pendingClients(runId);
        for (Long rowId : pending) {
            if (stopping.getAsBoolean()) {
                throw new IllegalStateException("Billing run " + runId + " stopped with clients left; it goes on later");
            }
            processClient(run, rowId);
        }
        transaction.executeWithoutResult(status -> runs.findById(runId).ifPresent(r -> r.finish(clock.instant())));
        log.info("Billing run {} finished ({} clients this pass)", runId, pending.size());
    }

    /** Makes one client's invoice and records the outcome; a failure is recorded, never thrown. */
    void processClient(BillingRun run, long rowId) {
        Long invoiceId;
        try {
            invoiceId = transaction.execute(status -> {
                BillingRunClient row = runClients.lockClient(rowId).orElse(null);
                if (row == null || row.getOutcome() != BillingRunClient.Outcome.PENDING) {
                    return null;
                }
                long id = issuing.createForRun(new NewInvoice(row.getClientId(), row.getSessionIds(), List.of(),
                        run.getDueDate(), run.getDelivery(), run.getSendOn(), row.packageLines()),
                        run.getStartedByUserId());
                row.done(switch (run.getDelivery()) {
                    case SEND_NOW -> BillingRunClient.Outcome.ISSUED;
                    case SCHEDULE -> BillingRunClient.Outcome.SCHEDULED;
                    case DRAFT -> BillingRunClient.Outcome.DRAFTED;
                }, id, null);
                return id;
            });
        } catch (SessionAlreadyInvoicedException e) {
            record(rowId, BillingRunClient.Outcome.ALREADY_INVOICED, alreadyInvoiced(rowId));
            return;
        } catch (RuleViolationException | IllegalArgumentException e) {
            // An issued session is refused before the unique key is reached ("already invoiced").
            boolean taken = transaction.execute(status -> runClients.findById(rowId)
                    .map(row -> !invoices.sessionsOnInvoices(row.getSessionIds()).isEmpty()).orElse(false));
            record(rowId, taken ? BillingRunClient.Outcome.ALREADY_INVOICED : BillingRunClient.Outcome.FAILED,
                    taken ? alreadyInvoiced(rowId) : e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.warn("Billing run {}: client row {} failed", run.getId(), rowId, e);
            record(rowId, BillingRunClient.Outcome.FAILED, "Unexpected error: " + e.getMessage());
            return;
        }
        if (invoiceId != null && run.getDelivery() == NewInvoice.Delivery.SEND_NOW) {
            recordCollection(rowId, invoiceId);
        }
    }

    /** After the commit the invoice was charged (paid) or emailed: say which, as the outbox has it. */
    private void recordCollection(long rowId, long invoiceId) {
        transaction.executeWithoutResult(status -> {
            BillingRunClient row = runClients.lockClient(rowId).orElseThrow();
            Invoice invoice = invoices.findById(invoiceId).orElseThrow();
            String email = outbox.latestFor(InvoiceEmail.reference(invoiceId)).map(OutboxMessage::queuedText)
                    .orElse(null);
            if (invoice.getState() == InvoiceState.PAID) {
                row.done(BillingRunClient.Outcome.CHARGED, invoiceId, email == null ? null : "Receipt " + email);
            } else if (row.isAutopay()) {
                row.done(BillingRunClient.Outcome.NOT_CHARGED, invoiceId, email == null
                        ? "The card charge is in progress; the invoice page shows its outcome" : "Invoice email " + email);
            } else {
                row.done(BillingRunClient.Outcome.ISSUED, invoiceId, email == null ? null : "Email " + email);
            }
        });
    }

    /** Says that the client's package lines were not sold either (the invoice was not made at all). */
    private String alreadyInvoiced(long rowId) {
        boolean packages = Boolean.TRUE.equals(transaction.execute(status -> runClients.findById(rowId)
                .map(row -> !row.packageLines().isEmpty()).orElse(false)));
        return "A session is on another invoice already" + (packages
                ? "; the prepaid package was not sold either: sell it with Create Invoice" : "");
    }

    private void record(long rowId, BillingRunClient.Outcome outcome, String message) {
        transaction.executeWithoutResult(status -> runClients.lockClient(rowId)
                .filter(row -> row.getOutcome() == BillingRunClient.Outcome.PENDING)
                .ifPresent(row -> row.done(outcome, null, message)));
    }
}
