package com.tutordesk.billing;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.tutordesk.people.BillTo;
import com.tutordesk.people.BillingContacts;
import com.tutordesk.people.ClientCards;
import com.tutordesk.people.ClientPayer;
import com.tutordesk.scheduling.BackgroundJobs;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.session.BillableSession;
import com.tutordesk.session.SessionBilling;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Invoice all clients" (issue 15; domain.md "Billing runs and reminders"): for a cut-off date, one
 * invoice per client with billable sessions up to that date, previewed first, then issued now,
 * scheduled, or saved as drafts by a db-scheduler job ({@value BillingConfiguration#BILLING_RUN_TASK},
 * {@link BillingRunJob}) that goes on when the page is closed and after a restart.
 *
 * <p>Admins only (a billing run bills every client); anyone else gets {@code AccessDeniedException}.
 * A run never issues a second invoice for a session: the sessions chosen at the preview are kept with
 * the run, and the database's one-open-invoice-per-session key refuses a session that another
 * invoice (or another run) took meanwhile — that client is reported "already invoiced".
 *
 * <p>Prepaid packages (issue 17; domain.md "Prepaid packages"): the admin may add package lines per
 * client at the preview, checked as on Create Invoice ({@link PackageSales}) and kept with the run, so
 * the job sells exactly them in the transaction that makes the client's invoice. A client with no
 * billable sessions but a package line gets an invoice of the package alone.
 */
@Service
public class BillingRunService {

    private final SessionBilling sessionBilling;
    private final InvoiceRepository invoices;
    private final BillingRunRepository runs;
    private final BillingRunClientRepository runClients;
    private final BillingContacts contacts;
    private final ClientCards cards;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final BillingProperties properties;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final PackageSales packageSales;

    @PersistenceContext
    private EntityManager em;

    BillingRunService(SessionBilling sessionBilling, InvoiceRepository invoices, BillingRunRepository runs,
            BillingRunClientRepository runClients, BillingContacts contacts, ClientCards cards,
            CurrentUserService currentUsers, SettingsService settings, BillingProperties properties,
            BackgroundJobs jobs, Clock clock, PackageSales packageSales) {
        this.packageSales = packageSales;
        this.sessionBilling = sessionBilling;
        this.invoices = invoices;
        this.runs = runs;
        this.runClients = runClients;
        this.contacts = contacts;
        this.cards = cards;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.properties = properties;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** @return whether the signed-in user may run billing (admins) */
    public boolean mayRun() {
        return currentUsers.find().map(CurrentUser::isAdmin).orElse(false);
    }

    /** @return the default cut-off: the last day of last month, business-local */
    public LocalDate defaultCutOff() {
        return settings.profile().today(clock).withDayOfMonth(1).minusDays(1);
    }

    /** @return the default due date of the run's invoices: today + the due days (as one invoice) */
    public LocalDate defaultDueDate() {
        return InvoiceDates.defaultDueDate(settings.profile().today(clock), properties.dueDays());
    }

    /**
     * The clients a run for this cut-off would invoice: every client with billable sessions that
     * started on or before the cut-off date (business-local) and are on no invoice (not even a draft).
     *
     * @param cutOff    the last day included, business-local; not after today
     * @param tutorId   only this tutor's sessions, or {@code null}
     * @param subjectId only this subject's sessions, or {@code null}
     * @throws InvalidFieldException ("cutOff") when missing or in the future
     */
    @Transactional(readOnly = true)
    public BillingRunPreview preview(LocalDate cutOff, Long tutorId, Long subjectId) {
        currentUsers.requireAdmin();
        return previewChecked(cutOff, tutorId, subjectId);
    }

    /**
     * Starts a run over the chosen clients of the preview (computed again here, not taken from the
     * page) and schedules its job at once.
     *
     * @return the run id (its page: {@code invoices/run/{id}})
     * @throws InvalidFieldException naming the field: "cutOff", "clients" (none chosen), "dueDate",
     *         "sendOn" (dates as for one invoice)
     */
    @Transactional
    public long start(BillingRunRequest request) {
        CurrentUser user = currentUsers.requireAdmin();
        BusinessProfile profile = settings.profile();
        LocalDate today = profile.today(clock);
        if (request.delivery() == NewInvoice.Delivery.SCHEDULE && request.sendOn() == null) {
            throw new InvalidFieldException("sendOn", "Send date is required to schedule the invoices");
        }
        if (request.dueDate() == null) {
            throw new InvalidFieldException("dueDate", "Due date is required");
        }
        InvoiceDates.check(today, request.delivery() == NewInvoice.Delivery.SCHEDULE ? request.sendOn() : null,
                request.dueDate());
        BillingRunPreview preview = previewChecked(request.cutOff(), request.tutorId(), request.subjectId());
        Set<Long> chosen = new HashSet<>(request.clientIds());
        List<BillingRunPreview.Client> included = new ArrayList<>(preview.clients().stream()
                .filter(client -> chosen.contains(client.clientId())).toList());
        Set<Long> withSessions = new HashSet<>(preview.clients().stream().map(BillingRunPreview.Client::clientId).toList());
        for (Long clientId : request.packages().keySet()) {
            if (chosen.contains(clientId) && !withSessions.contains(clientId)) {
                included.add(packageOnly(clientId));
            }
        }
        if (included.isEmpty()) {
            throw new InvalidFieldException("clients",
                    "Clients: choose at least one client with billable sessions or a prepaid package");
        }
        for (BillingRunPreview.Client client : included) {
            checkPackages(client, request.packagesOf(client.clientId()), profile);
        }
        BillingRun run = runs.save(new BillingRun(request.cutOff(), request.tutorId(), request.subjectId(),
                request.delivery(), request.sendOn(), request.dueDate(), user.userId(), clock.instant()));
        int position = 0;
        List<BillingRunClient> rows = new ArrayList<>();
        for (BillingRunPreview.Client client : included) {
            rows.add(new BillingRunClient(run.getId(), position++, client.clientId(), client.clientName(),
                    client.sessionIds(), client.totalMinor(), client.autopay(), request.packagesOf(client.clientId())));
        }
        runClients.saveAll(rows);
        jobs.client().scheduleIfNotExists(new TaskInstance<Void>(BillingConfiguration.BILLING_RUN_TASK,
                String.valueOf(run.getId())), clock.instant());
        return run.getId();
    }

    /**
     * Where a run is: how many clients are done and each client's outcome.
     *
     * @throws NotFoundException when there is no such run
     */
    @Transactional(readOnly = true)
    public BillingRunStatus status(long runId) {
        currentUsers.requireAdmin();
        BillingRun run = runs.findById(runId).orElseThrow(() -> new NotFoundException("Billing run", runId));
        List<BillingRunStatus.Client> clients = runClients.clients(runId).stream()
                .map(c -> new BillingRunStatus.Client(c.getClientId(), c.getClientName(), c.getSessionCount(),
                        c.packageLines().size(), c.getTotalMinor() + c.packagesMinor(), c.isAutopay(), c.getOutcome() != BillingRunClient.Outcome.PENDING,
                        c.getOutcome().name(), c.getOutcome().label, c.getInvoiceId(), c.getMessage()))
                .toList();
        return new BillingRunStatus(run.getId(), run.getCutOff(), run.getDelivery(), run.getFinishedAt() != null,
                clients);
    }

    /**
     * A client a package line may be added for in a run (issue 17): every active client with an active
     * engagement, by name.
     *
     * @param clientId   client
     * @param clientName how pickers name the client
     */
    public record PackageClient(long clientId, String clientName) {
    }

    /** @return the clients a run may sell a prepaid package to (admins), by name */
    @Transactional(readOnly = true)
    public List<PackageClient> packageClients() {
        currentUsers.requireAdmin();
        return em.createQuery("""
                        select distinct c.id, c.name from Engagement e join e.student s join s.client c
                        where e.active and c.active order by c.name, c.id""", Object[].class)
                .getResultList().stream().map(row -> new PackageClient((Long) row[0], (String) row[1])).toList();
    }

    /**
     * The preview row of a client the run invoices for a prepaid package alone (no billable sessions up
     * to the cut-off, or none left after the filters).
     *
     * @throws NotFoundException when the client does not exist
     */
    @Transactional(readOnly = true)
    public BillingRunPreview.Client packageOnlyClient(long clientId) {
        currentUsers.requireAdmin();
        return packageOnly(clientId);
    }

    private BillingRunPreview.Client packageOnly(long clientId) {
        BillTo billTo = contacts.of(clientId).orElseThrow(() -> new NotFoundException("Client", clientId));
        return previewRow(billTo, List.of());
    }

    private BillingRunPreview.Client previewRow(BillTo billTo, List<BillableSession> own) {
        long total = own.stream().mapToLong(BillableSession::clientAmountMinor).sum();
        boolean autopay = cards.payer(billTo.clientId()).map(ClientPayer::chargesAutomatically).orElse(false);
        return new BillingRunPreview.Client(billTo.clientId(), billTo.clientName(),
                billTo.contactName() + " <" + billTo.contactEmail() + ">",
                billTo.contactEmail(), own.stream().map(BillableSession::id).toList(), total, autopay);
    }

    /** Package lines pass Create Invoice's checks now; the message names the client whose line is wrong. */
    private void checkPackages(BillingRunPreview.Client client, List<NewInvoice.PackageLine> lines,
            BusinessProfile profile) {
        if (lines.size() > Invoice.MAX_ADJUSTMENTS) {
            throw new InvalidFieldException("packages", client.clientName() + ": at most " + Invoice.MAX_ADJUSTMENTS
                    + " packages on one invoice");
        }
        try {
            packageSales.check(client.clientId(), null, lines, profile);
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException("packages", client.clientName() + ": " + e.getMessage());
        }
    }

    private BillingRunPreview previewChecked(LocalDate cutOff, Long tutorId, Long subjectId) {
        BusinessProfile profile = settings.profile();
        if (cutOff == null) {
            throw new InvalidFieldException("cutOff", "Cut-off date is required");
        }
        if (cutOff.isAfter(profile.today(clock))) {
            throw new InvalidFieldException("cutOff", "Cut-off date cannot be in the future");
        }
        List<BillableSession> sessions = sessionBilling.billableSessionsBefore(
                cutOff.plusDays(1).atStartOfDay(profile.zone()).toInstant(), tutorId, subjectId);
        Set<Long> onDrafts = onInvoices(sessions);
        Map<Long, List<BillableSession>> byClient = new LinkedHashMap<>();
        for (BillableSession session : sessions) {
            if (!onDrafts.contains(session.id())) {
                byClient.computeIfAbsent(session.clientId(), id -> new ArrayList<>()).add(session);
            }
        }
        List<BillingRunPreview.Client> clients = new ArrayList<>();
        for (var entry : byClient.entrySet()) {
            BillTo billTo = contacts.of(entry.getKey()).orElse(null);
            if (billTo == null) {
                continue;
            }
            List<BillableSession> own = entry.getValue();
            if (own.size() > Invoice.MAX_LINES) {
                // One invoice holds at most MAX_LINES sessions: the oldest go now, the rest next time.
                own = own.subList(0, Invoice.MAX_LINES);
            }
            clients.add(previewRow(billTo, own));
        }
        clients.sort((a, b) -> a.clientName().compareToIgnoreCase(b.clientName()));
        return new BillingRunPreview(cutOff, profile.currency().getCurrencyCode(), clients);
    }

    /** Sessions reserved by a draft are left to that draft (chunked: an IN list stays small). */
    private Set<Long> onInvoices(List<BillableSession> sessions) {
        Set<Long> taken = new HashSet<>();
        List<Long> ids = sessions.stream().map(BillableSession::id).toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            taken.addAll(invoices.sessionsOnInvoices(ids.subList(from, Math.min(ids.size(), from + 1000))));
        }
        return taken;
    }
}
