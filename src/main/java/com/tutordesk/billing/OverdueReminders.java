package com.tutordesk.billing;

import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.ConstraintViolations;
import com.tutordesk.shared.InvalidFieldException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Overdue reminders (issue 15; domain.md "Billing runs and reminders"): reminder n of an open invoice
 * is due {@code firstAfterDays + 7 × (n − 1)} days after its due date, and never sooner than 7 days
 * after the reminder before it was actually sent, at most 3 in all. Never for a paid, cancelled or draft
 * invoice, nor while a card payment of it is in flight, nor for a client an admin switched them off for.
 *
 * <p>The job ({@value BillingConfiguration#OVERDUE_REMINDER_TASK}, recurring) sends at most one reminder
 * per invoice per pass, so a node that was down for weeks sends the next reminder only — not a burst of
 * stale ones. Once across nodes: the invoice row is locked while its reminder is decided, the reminder
 * row (unique per invoice and number) and its outbox email are written in one transaction, and a node
 * that loses a race rolls back both.
 */
@Service
public class OverdueReminders {

    private static final Logger log = LoggerFactory.getLogger(OverdueReminders.class);
    static final String ONE_REMINDER_PER_NUMBER = "uq_invoice_reminders_number";

    /**
     * One reminder sent.
     *
     * @param number 1 to 3
     * @param sentOn business-local date
     * @param sentAt UTC instant
     */
    public record Reminder(int number, LocalDate sentOn, Instant sentAt) {
    }

    private final JdbcTemplate jdbc;
    private final InvoiceRepository invoices;
    private final InvoiceDocuments documents;
    private final ObjectProvider<InvoicesInFlight> inFlight;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final Clock clock;
    private final TransactionTemplate transaction;

    OverdueReminders(JdbcTemplate jdbc, InvoiceRepository invoices, InvoiceDocuments documents,
            ObjectProvider<InvoicesInFlight> inFlight, CurrentUserService currentUsers, SettingsService settings,
            Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.documents = documents;
        this.inFlight = inFlight;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    /** @return the settings now (one primary-key read) */
    @Transactional(readOnly = true)
    public OverdueReminderSettings current() {
        return jdbc.queryForObject("select overdue_reminders, overdue_first_after_days, version from billing_settings"
                + " where id = 1", (rs, i) -> new OverdueReminderSettings(rs.getBoolean(1), rs.getInt(2), rs.getLong(3)));
    }

    /**
     * @param expectedVersion the version the caller's form showed
     * @return the settings as saved
     * @throws org.springframework.security.access.AccessDeniedException unless the user is an admin
     * @throws InvalidFieldException ("firstAfterDays") outside
     *         {@value OverdueReminderSettings#MIN_DAYS}–{@value OverdueReminderSettings#MAX_DAYS}
     * @throws OptimisticLockingFailureException when someone saved them since the form read them
     */
    @Transactional
    public OverdueReminderSettings update(boolean enabled, Integer firstAfterDays, long expectedVersion) {
        currentUsers.requireAdmin();
        if (firstAfterDays == null || firstAfterDays < OverdueReminderSettings.MIN_DAYS
                || firstAfterDays > OverdueReminderSettings.MAX_DAYS) {
            throw new InvalidFieldException("firstAfterDays", "Days after the due date must be "
                    + OverdueReminderSettings.MIN_DAYS + "–" + OverdueReminderSettings.MAX_DAYS);
        }
        int updated = jdbc.update("update billing_settings set overdue_reminders = ?, overdue_first_after_days = ?,"
                + " version = version + 1 where id = 1 and version = ?", enabled, firstAfterDays, expectedVersion);
        if (updated != 1) {
            throw new OptimisticLockingFailureException("The reminder settings were changed by someone else");
        }
        return current();
    }

    /** @return whether the signed-in user may switch reminders per client (admins) */
    public boolean maySwitchPerClient() {
        return currentUsers.find().map(user -> user.isAdmin()).orElse(false);
    }

    /** @return whether overdue reminders go to this client (admins can switch them off per client) */
    @Transactional(readOnly = true)
    public boolean remindsClient(long clientId) {
        return jdbc.queryForObject("select count(*) from overdue_reminder_opt_outs where client_id = ?", Integer.class,
                clientId) == 0;
    }

    /**
     * Switches overdue reminders on or off for one client.
     *
     * @throws org.springframework.security.access.AccessDeniedException unless the user is an admin
     */
    @Transactional
    public void setRemindsClient(long clientId, boolean on) {
        long userId = currentUsers.requireAdmin().userId();
        if (on) {
            jdbc.update("delete from overdue_reminder_opt_outs where client_id = ?", clientId);
            return;
        }
        if (!remindsClient(clientId)) {
            return;
        }
        try {
            jdbc.update("insert into overdue_reminder_opt_outs (client_id, by_user_id, created_at) values (?, ?, ?)",
                    clientId, userId, Timestamp.from(clock.instant()));
        } catch (org.springframework.dao.DuplicateKeyException switchedOffMeanwhile) {
            // Two admins switched the same client off at once: it is off, as both wanted.
        }
    }

    /** @return the reminders sent for an invoice, oldest first (no role check: the invoice page has checked) */
    @Transactional(readOnly = true)
    public List<Reminder> remindersOf(long invoiceId) {
        return jdbc.query("select reminder_number, sent_on, sent_at from invoice_reminders where invoice_id = ?"
                + " order by reminder_number", (rs, i) -> new Reminder(rs.getInt(1), rs.getDate(2).toLocalDate(),
                rs.getTimestamp(3).toInstant()), invoiceId);
    }

    /**
     * The job's pass: sends every reminder due today (business-local), at most one per invoice.
     *
     * @param stopping asked between invoices; the pass ends early when true
     * @return how many reminders were sent
     */
    int sendDue(BooleanSupplier stopping) {
        OverdueReminderSettings rules = current();
        if (!rules.enabled()) {
            return 0;
        }
        BusinessProfile profile = settings.profile();
        LocalDate today = profile.today(clock);
        List<Long> candidates = jdbc.queryForList("""
                select i.id from invoices i
                where i.state = 'OPEN' and i.due_date <= ?
                  and not exists (select 1 from overdue_reminder_opt_outs o where o.client_id = i.client_id)
                  and (select count(*) from invoice_reminders r where r.invoice_id = i.id) < ?
                order by i.due_date, i.id""", Long.class, Date.valueOf(today.minusDays(rules.firstAfterDays())),
                OverdueReminderSettings.MAX_REMINDERS);
        int sent = 0;
        for (Long id : candidates) {
            if (stopping.getAsBoolean()) {
                break;
            }
            try {
                Boolean done = transaction.execute(status -> sendIfDue(id, rules, today));
                sent += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (DataIntegrityViolationException e) {
                if (!ConstraintViolations.violates(e, ONE_REMINDER_PER_NUMBER)) {
                    throw e;
                }
                log.info("Reminder of invoice {} was sent by another node", id);
            }
        }
        return sent;
    }

    /** Inside the pass's transaction for one invoice, its row locked. */
    private boolean sendIfDue(long invoiceId, OverdueReminderSettings rules, LocalDate today) {
        Invoice invoice = invoices.lockById(invoiceId).orElse(null);
        if (invoice == null || invoice.getState() != InvoiceState.OPEN) {
            return false;
        }
        // Read again under the invoice's lock: an admin may have switched reminders off since the pass began.
        if (!current().enabled() || !remindsClient(invoice.getClientId())) {
            return false;
        }
        List<Reminder> before = remindersOf(invoiceId);
        int number = before.size() + 1;
        if (number > OverdueReminderSettings.MAX_REMINDERS) {
            return false;
        }
        LocalDate dueOn = invoice.getDueDate().plusDays(rules.firstAfterDays()
                + (long) OverdueReminderSettings.EVERY_DAYS * (number - 1));
        if (!before.isEmpty()) {
            LocalDate spaced = before.getLast().sentOn().plusDays(OverdueReminderSettings.EVERY_DAYS);
            dueOn = spaced.isAfter(dueOn) ? spaced : dueOn;
        }
        if (today.isBefore(dueOn)) {
            return false;
        }
        InvoicesInFlight payments = inFlight.getIfAvailable();
        if (payments != null && !payments.inFlight(Set.of(invoiceId)).isEmpty()) {
            return false;
        }
        BusinessProfile profile = settings.profile();
        String note = "Reminder " + number + " of " + OverdueReminderSettings.MAX_REMINDERS + ": invoice "
                + invoice.getNumber() + " was due on " + profile.formatDate(invoice.getDueDate())
                + " and is not paid yet. If you have paid it in the meantime, thank you, and please ignore this email.";
        long message = documents.emailReminder(invoice, note, number);
        Instant now = clock.instant();
        jdbc.update("insert into invoice_reminders (invoice_id, reminder_number, sent_on, sent_at, mail_message_id)"
                + " values (?, ?, ?, ?, ?)", invoiceId, number, Date.valueOf(today), Timestamp.from(now), message);
        return true;
    }
}
