package com.tutordesk.billing;

import com.tutordesk.people.ClientLabel;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.session.BillingState;
import com.tutordesk.session.DateRange;
import com.tutordesk.session.SessionFilter;
import com.tutordesk.session.SessionHourTotals;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Payments page (issue 7): the totals Overdue, Outstanding and Unbilled (domain.md), the
 * invoice list and the clients with unbilled sessions. Plain SQL, one statement per figure or page.
 *
 * <p>Scope: admins see everything. A tutor with Enhanced Access sees only the clients they added,
 * and amounts only of their own sessions: on an invoice that includes other tutors' sessions the
 * total is hidden and their own lines' sum counts instead; unbilled sums count their own sessions.
 * A plain tutor gets "not found".
 */
@Service
public class PaymentsService {

    /** Largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 500;

    /**
     * Unbilled sessions, by the one definition of the sessions list ({@link BillingState#sql}, issue
     * 12): billable and on no issued invoice. Sessions on a draft count: a draft has billed nobody yet.
     * The one parameter is "now" (UTC).
     */
    static final String UNBILLED_FROM = " from tutoring_sessions s";

    private static String unbilledWhere(Instant now, List<Object> params) {
        BillingState.SqlCondition unbilled = BillingState.UNBILLED.sql(now);
        params.addAll(unbilled.params());
        return " where " + unbilled.sql();
    }

    private final JdbcTemplate jdbc;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final Clock clock;

    private final SessionHourTotals hourTotals;

    PaymentsService(JdbcTemplate jdbc, CurrentUserService currentUsers, SettingsService settings, Clock clock,
            SessionHourTotals hourTotals) {
        this.hourTotals = hourTotals;
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @return the three totals for the caller's scope
     * @throws NotFoundException for a plain tutor
     */
    @Transactional(readOnly = true)
    public PaymentsTotals totals() {
        CurrentUser user = requireBilling();
        LocalDate today = settings.profile().today(clock);
        String amount = visibleAmount(user);
        List<Object> params = new ArrayList<>();
        params.add(today);
        addAmountParams(user, params);
        params.add(today);
        params.add(today);
        addAmountParams(user, params);
        params.add(today);
        String scope = "";
        if (!user.isAdmin()) {
            scope = " and i.client_id in (select x.id from clients x where x.added_by_tutor_id = ?)";
            params.add(user.tutorId());
        }
        PaymentsTotals open = jdbc.queryForObject("select"
                + " coalesce(sum(case when i.due_date < ? then " + amount + " else 0 end), 0),"
                + " coalesce(sum(case when i.due_date < ? then 1 else 0 end), 0),"
                + " coalesce(sum(case when i.due_date >= ? then " + amount + " else 0 end), 0),"
                + " coalesce(sum(case when i.due_date >= ? then 1 else 0 end), 0)"
                + " from invoices i where i.state = 'OPEN'" + scope,
                (rs, n) -> new PaymentsTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), 0, 0),
                params.toArray());
        long[] unbilled;
        if (user.isAdmin()) {
            // Every unbilled session: from the hour totals (the same rule, without reading a million rows).
            SessionHourTotals.Sums sums = hourTotals.sum(new SessionFilter(DateRange.ALL, null, null, null, null, null,
                    null, BillingState.UNBILLED, null), settings.profile().zone(), clock.instant());
            unbilled = new long[] {sums.clientAmountMinor() - sums.prepaidAmountMinor(), sums.sessions()};
        } else {
            List<Object> unbilledParams = new ArrayList<>();
            String unbilledWhere = unbilledWhere(clock.instant(), unbilledParams);
            unbilledParams.add(user.tutorId());
            unbilledParams.add(user.tutorId());
            unbilled = jdbc.queryForObject("select coalesce(sum(s.client_amount_minor - s.prepaid_amount_minor), 0),"
                    + " count(*)"
                    + UNBILLED_FROM + unbilledWhere
                    + " and s.tutor_id = ? and s.client_id in (select c.id from clients c where c.added_by_tutor_id = ?)",
                    (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, unbilledParams.toArray());
        }
        return new PaymentsTotals(open.overdueMinor(), open.overdueCount(), open.outstandingMinor(),
                open.outstandingCount(), unbilled[0], unbilled[1]);
    }

    /**
     * One page of invoices, newest first.
     *
     * @throws IllegalArgumentException for a negative offset or a limit out of range
     * @throws NotFoundException for a plain tutor
     */
    @Transactional(readOnly = true)
    public List<InvoiceRow> list(InvoiceFilter filter, int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("Offset must not be negative");
        }
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("Limit must be between 1 and " + MAX_PAGE_SIZE);
        }
        CurrentUser user = requireBilling();
        LocalDate today = settings.profile().today(clock);
        List<Object> params = new ArrayList<>();
        String select = user.isAdmin() ? "i.total_minor as visible, null as own"
                : "case when exists (select 1 from invoice_lines o where o.invoice_id = i.id and o.tutor_id <> ?)"
                        + " then null else i.total_minor end as visible,"
                        + " (select coalesce(sum(o.amount_minor), 0) from invoice_lines o where o.invoice_id = i.id"
                        + " and o.tutor_id = ?) as own";
        if (!user.isAdmin()) {
            params.add(user.tutorId());
            params.add(user.tutorId());
        }
        String where = where(user, filter, today, params);
        params.add(limit);
        params.add(offset);
        // The page's ids come from the invoices alone (newest first on the primary key), then get their names.
        return jdbc.query("select i.id, i.number, i.client_id, c.name, i.state, i.issue_date, i.due_date, i.send_on, "
                + select + " from (select i.id from invoices i" + where + " order by i.id desc limit ? offset ?) page"
                + " join invoices i on i.id = page.id join clients c on c.id = i.client_id order by i.id desc",
                (rs, n) -> row(rs, today), params.toArray());
    }

    /** @return how many invoices {@link #list} pages through */
    @Transactional(readOnly = true)
    public long count(InvoiceFilter filter) {
        CurrentUser user = requireBilling();
        List<Object> params = new ArrayList<>();
        String where = where(user, filter, settings.profile().today(clock), params);
        Long count = jdbc.queryForObject("select count(*) from invoices i" + where,
                Long.class, params.toArray());
        return count == null ? 0 : count;
    }

    /**
     * @return every client with billable sessions on no invoice, A–Z, with how many and their sum
     *         (for a tutor: their own clients and own sessions)
     */
    @Transactional(readOnly = true)
    public List<UnbilledClient> unbilledClients() {
        return unbilledClients(0, Integer.MAX_VALUE);
    }

    /** @return one page of {@link #unbilledClients()} */
    @Transactional(readOnly = true)
    public List<UnbilledClient> unbilledClients(int offset, int limit) {
        CurrentUser user = requireBilling();
        List<Object> params = new ArrayList<>();
        String where = unbilledWhere(clock.instant(), params);
        String scope = unbilledClientScope(user, params);
        params.add(limit);
        params.add(offset);
        // ends_at (not starts_at) is in the covering index; the day is the same.
        return jdbc.query("select c.id, c.name, u.sessions, u.amount, u.oldest, c.billing_contact_name,"
                + " c.billing_contact_email from (select s.client_id,"
                + " count(*) as sessions, sum(s.client_amount_minor - s.prepaid_amount_minor) as amount, min(s.ends_at) as oldest"
                + UNBILLED_FROM + where + scope + " group by s.client_id) u join clients c on c.id = u.client_id"
                + " order by c.name, c.id limit ? offset ?",
                (rs, n) -> new UnbilledClient(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        instant(rs.getObject(5, LocalDateTime.class)), ClientLabel.of(rs.getString(2), rs.getString(6),
                                rs.getString(7))), params.toArray());
    }

    /** @return how many clients {@link #unbilledClients()} lists */
    @Transactional(readOnly = true)
    public long countUnbilledClients() {
        CurrentUser user = requireBilling();
        if (user.isAdmin()) {
            // Kept per client on every session write (SessionHourTotals), so no million-row scan.
            return hourTotals.clientsWithUnbilledSessions(clock.instant());
        }
        List<Object> params = new ArrayList<>();
        String where = unbilledWhere(clock.instant(), params);
        String scope = unbilledClientScope(user, params);
        Long count = jdbc.queryForObject("select count(distinct s.client_id)" + UNBILLED_FROM + where + scope,
                Long.class, params.toArray());
        return count == null ? 0 : count;
    }

    private static String unbilledClientScope(CurrentUser user, List<Object> params) {
        if (user.isAdmin()) {
            return "";
        }
        params.add(user.tutorId());
        params.add(user.tutorId());
        return " and s.tutor_id = ? and s.client_id in (select x.id from clients x where x.added_by_tutor_id = ?)";
    }

    /** @return the clients the caller may filter invoices by (those with at least one invoice), A–Z */
    @Transactional(readOnly = true)
    public List<UnbilledClient> invoicedClients() {
        CurrentUser user = requireBilling();
        String scope = user.isAdmin() ? "" : " where c.added_by_tutor_id = ?";
        Object[] params = user.isAdmin() ? new Object[0] : new Object[] {user.tutorId()};
        return jdbc.query("select c.id, c.name, c.billing_contact_name, c.billing_contact_email from clients c" + scope
                + (scope.isEmpty() ? " where" : " and") + " exists (select 1 from invoices i where i.client_id = c.id)"
                + " order by c.name, c.id", (rs, n) -> new UnbilledClient(rs.getLong(1), rs.getString(2), 0, 0, null,
                        ClientLabel.of(rs.getString(2), rs.getString(3), rs.getString(4))), params);
    }

    /**
     * @return whether the signed-in user may open the Payments page (admins and Enhanced-Access tutors)
     */
    public boolean mayUse() {
        return currentUsers.find().map(BillingAccess::mayUseBilling).orElse(false);
    }

    private CurrentUser requireBilling() {
        CurrentUser user = currentUsers.require();
        if (!BillingAccess.mayUseBilling(user)) {
            throw new NotFoundException("Page", "payments");
        }
        return user;
    }

    /** SQL for the amount of an open invoice the user may count (see class comment). */
    private static String visibleAmount(CurrentUser user) {
        if (user.isAdmin()) {
            return "i.total_minor";
        }
        return "(case when exists (select 1 from invoice_lines o where o.invoice_id = i.id and o.tutor_id <> ?)"
                + " then (select coalesce(sum(o.amount_minor), 0) from invoice_lines o where o.invoice_id = i.id"
                + " and o.tutor_id = ?) else i.total_minor end)";
    }

    private static void addAmountParams(CurrentUser user, List<Object> params) {
        if (!user.isAdmin()) {
            params.add(user.tutorId());
            params.add(user.tutorId());
        }
    }

    private static String where(CurrentUser user, InvoiceFilter filter, LocalDate today, List<Object> params) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (!user.isAdmin()) {
            where.append(" and i.client_id in (select x.id from clients x where x.added_by_tutor_id = ?)");
            params.add(user.tutorId());
        }
        if (filter.clientId() != null) {
            where.append(" and i.client_id = ?");
            params.add(filter.clientId());
        }
        if (filter.from() != null) {
            where.append(" and i.issue_date >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" and i.issue_date <= ?");
            params.add(filter.to());
        }
        if (filter.status() != null) {
            switch (filter.status()) {
                case DRAFT -> where.append(" and i.state = 'DRAFT'");
                case OUTSTANDING -> {
                    where.append(" and i.state = 'OPEN' and i.due_date >= ?");
                    params.add(today);
                }
                case OVERDUE -> {
                    where.append(" and i.state = 'OPEN' and i.due_date < ?");
                    params.add(today);
                }
                case PAID -> where.append(" and i.state = 'PAID'");
                case CANCELLED -> where.append(" and i.state = 'CANCELLED'");
            }
        }
        return where.toString();
    }

    private static InvoiceRow row(ResultSet rs, LocalDate today) throws SQLException {
        InvoiceState state = InvoiceState.valueOf(rs.getString("state"));
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        return new InvoiceRow(rs.getLong("id"), rs.getString("number"), rs.getLong("client_id"), rs.getString("name"),
                InvoiceStatus.of(state, InvoiceDates.overdue(due, today)), rs.getObject("issue_date", LocalDate.class),
                due, rs.getObject("send_on", LocalDate.class), rs.getObject("visible", Long.class),
                rs.getObject("own", Long.class));
    }

    /** Instants are stored as UTC wall-clock values (hibernate.jdbc.time_zone=UTC). */
    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
