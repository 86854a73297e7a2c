package com.tutordesk.session;

import com.tutordesk.people.ClientLabel;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sessions list: filtered, sorted pages of small {@link SessionRow}s, their count and sums, the
 * choices for its filters, and the CSV export. Runs in SQL (one statement for a page of rows, one
 * for count and sums), never loads the list into memory, and limits a tutor to their own sessions
 * inside every statement, whatever the filter says (domain.md "Roles").
 */
@Service
public class SessionListService {

    /** Largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 500;

    /**
     * How far into a filtered list a page may start: the rows a person can reach by scrolling.
     * OFFSET paging reads every skipped index entry, so a page in the middle of a million rows costs
     * some 70 first pages; within the first 10,000 rows a page costs at most about twice the first.
     * Past this a person narrows the filters or reverses the sort (the CSV export has every row).
     */
    public static final int MAX_SCROLL_ROWS = 10_000;

    /**
     * Up to this many students, clients and tutors matched by a name search, its count and sums read
     * their sessions through the person indexes; beyond it (a search for "an"), one pass over the
     * sessions is cheaper. Measured at a million sessions (SessionListBenchmark, 2026-12-07): 1,191
     * people matched ("kowal", 33,307 sessions) 268 ms this way against 509 ms in one pass; 10,606
     * people ("an", 341,197 sessions) 631 ms against 505 ms. The two meet near 7,500 people.
     */
    static final int FEW_MATCHED_PEOPLE = 5_000;

    private static final DateTimeFormatter CSV_DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final Clock clock;
    private final SessionHourTotals hourTotals;

    SessionListService(DataSource dataSource, CurrentUserService currentUsers, SettingsService settings, Clock clock,
            SessionHourTotals hourTotals) {
        this.hourTotals = hourTotals;
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        // MySQL Connector/J streams a result set row by row only with this fetch size; H2 takes it as "all".
        this.streaming.setFetchSize(com.tutordesk.shared.StreamingReads.fetchSize(dataSource));
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * One page of the list.
     *
     * @param offset     rows to skip (0 to {@value #MAX_SCROLL_ROWS} - 1)
     * @param limit      rows to return (1–{@value #MAX_PAGE_SIZE}); a page is cut at
     *                   {@value #MAX_SCROLL_ROWS} rows
     * @param knownTotal the count the caller already has for this filter, or {@code null}; with it a
     *                   page nearer the end than the start is read backwards (as cheap as the first)
     * @return the rows, in {@code sort} order
     * @throws IllegalArgumentException for an offset or a limit out of range
     */
    @Transactional(readOnly = true)
    public List<SessionRow> fetch(SessionFilter filter, SessionSort sort, int offset, int limit, Long knownTotal) {
        if (offset < 0) {
            throw new IllegalArgumentException("Offset must not be negative");
        }
        if (offset >= MAX_SCROLL_ROWS) {
            throw new IllegalArgumentException("Offset " + offset + " is past the first " + MAX_SCROLL_ROWS
                    + " rows a list shows; narrow the filters or reverse the sort");
        }
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("Limit must be between 1 and " + MAX_PAGE_SIZE);
        }
        limit = Math.min(limit, MAX_SCROLL_ROWS - offset);
        CurrentUser user = currentUsers.require();
        sort = allowedSort(sort, user);
        BusinessProfile profile = settings.profile();
        Instant now = clock.instant();
        SessionListSql.Where where = SessionListSql.where(filter, user.sessionScopeTutorId(), profile.zone(), now);
        boolean reverse = knownTotal != null && offset > knownTotal / 2 && offset < knownTotal;
        int rowOffset = offset;
        int rowLimit = limit;
        if (reverse) {
            rowLimit = (int) Math.min(limit, knownTotal - offset);
            rowOffset = (int) Math.max(0, knownTotal - offset - rowLimit);
        }
        List<Object> params = new ArrayList<>(where.params);
        params.add(rowLimit);
        params.add(rowOffset);
        boolean showClientAmounts = user.maySeeClientAmounts();
        List<SessionRow> rows = jdbc.query(SessionListSql.page(where, sort, reverse),
                (rs, i) -> row(rs, now, showClientAmounts), params.toArray());
        if (reverse) {
            rows = new ArrayList<>(rows);
            Collections.reverse(rows);
        }
        return rows;
    }

    /**
     * Count of the matching sessions and the sums of their amounts: tutor earnings for everyone (a
     * tutor's rows are their own), client amounts for those who may see them. For an admin's filter
     * by dates, status, report or billing only, from the hour totals ({@link SessionHourTotals}: a few
     * thousand rows instead of up to a million sessions); otherwise one statement on the sessions,
     * which a person, subject or tutor scope narrows on its index.
     */
    @Transactional(readOnly = true)
    public SessionTotals totals(SessionFilter filter) {
        CurrentUser user = currentUsers.require();
        boolean clientAmounts = user.maySeeClientAmounts();
        if (user.sessionScopeTutorId() == null && SessionHourTotals.canAnswer(filter)) {
            SessionHourTotals.Sums sums = hourTotals.sum(filter, settings.profile().zone(), clock.instant());
            return new SessionTotals(sums.sessions(), clientAmounts ? sums.clientAmountMinor() : null,
                    sums.tutorEarningsMinor());
        }
        SessionListSql.Where where = SessionListSql.where(filter, user.sessionScopeTutorId(), settings.profile().zone(),
                clock.instant());
        org.springframework.jdbc.core.RowMapper<SessionTotals> totals =
                // A tutor's rows are all their own, so the earnings sum is theirs to see (domain.md roles).
                (rs, i) -> new SessionTotals(rs.getLong(1), clientAmounts ? rs.getLong(2) : null, rs.getLong(3));
        if (where.namePattern != null && user.sessionScopeTutorId() == null && filter.tutorId() == null
                && filter.clientId() == null && filter.studentId() == null) {
            // A person, tutor or scope filter already narrows on its own index; a bare name search
            // reads the matched people's sessions when they are few.
            String pattern = where.namePattern;
            Long people = jdbc.queryForObject(SessionListSql.MATCHED_PEOPLE, Long.class, pattern, pattern, pattern);
            if (people != null && people <= FEW_MATCHED_PEOPLE) {
                return jdbc.queryForObject(SessionListSql.totalsOfMatchedNames(where), totals,
                        SessionListSql.totalsOfMatchedNamesParams(where).toArray());
            }
        }
        return jdbc.queryForObject(SessionListSql.totals(where), totals, where.params.toArray());
    }

    /**
     * Writes every matching session as CSV (UTF-8, header row) in {@code sort} order, streaming
     * from the database. Cells that a spreadsheet would run as a formula are neutralised. Client
     * amounts only for those who may see them; internal notes only for admins.
     */
    @Transactional(readOnly = true)
    public void exportCsv(SessionFilter filter, SessionSort sort, OutputStream out) {
        CurrentUser user = currentUsers.require();
        sort = allowedSort(sort, user);
        BusinessProfile profile = settings.profile();
        Instant now = clock.instant();
        SessionListSql.Where where = SessionListSql.where(filter, user.sessionScopeTutorId(), profile.zone(), now);
        String currency = profile.currency().getCurrencyCode();
        int fraction = Math.max(0, profile.currency().getDefaultFractionDigits());
        List<String> header = new ArrayList<>(List.of("Session id", "Date", "Start", "End", "Duration (minutes)",
                "Student", "Client", "Tutor", "Subject", "Location", "Status", "Report", "Billing", "Rating"));
        if (user.maySeeClientAmounts()) {
            header.add("Client amount (" + currency + ")");
        }
        header.add("Tutor earnings (" + currency + ")");
        header.add("Session report");
        if (user.isAdmin()) {
            header.add("Internal note");
        }
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                    .setHeader(header.toArray(String[]::new)).get());
            streaming.query(SessionListSql.export(where, sort), rs -> {
                SessionRow row = row(rs, now, true);
                ZonedDateTime start = row.startsAt().atZone(profile.zone());
                List<String> cells = new ArrayList<>(List.of(String.valueOf(row.id()), start.format(CSV_DATE),
                        start.format(CSV_TIME), endTime(start, row.endsAt().atZone(profile.zone())),
                        String.valueOf(row.durationMinutes()), row.studentName(), row.clientName(), row.tutorName(),
                        row.subjectName(), nullToEmpty(row.location()), row.status().label(), row.report().label(),
                        row.billingText(), row.rating() == null ? "" : row.rating().toString()));
                if (user.maySeeClientAmounts()) {
                    cells.add(BigDecimal.valueOf(row.clientAmountMinor(), fraction).toPlainString());
                }
                cells.add(BigDecimal.valueOf(row.tutorEarningsMinor(), fraction).toPlainString());
                cells.add(nullToEmpty(rs.getString("report")));
                if (user.isAdmin()) {
                    cells.add(nullToEmpty(rs.getString("internal_note")));
                }
                try {
                    csv.printRecord(cells.stream().map(com.tutordesk.shared.CsvCells::neutraliseFormula).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, where.params.toArray());
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return {@code sort}, or newest first when it orders by client amounts the viewer may not see
     *         (the order alone would tell which clients pay more)
     */
    public static SessionSort allowedSort(SessionSort sort, CurrentUser user) {
        return sort.property() == SessionSort.Property.CLIENT_AMOUNT && !user.maySeeClientAmounts()
                ? SessionSort.NEWEST_FIRST
                : sort;
    }

    /** @return a file name for the export, e.g. "sessions-2026-11-29.csv" (business-local date) */
    public String exportFileName() {
        return "sessions-" + settings.profile().today(clock) + ".csv";
    }

    /** @return "17:30", or "00:30 (+1 day)" for a session that ends after midnight */
    private static String endTime(ZonedDateTime start, ZonedDateTime end) {
        return end.format(CSV_TIME) + (end.toLocalDate().isAfter(start.toLocalDate()) ? " (+1 day)" : "");
    }

    // ---- choices for the filters ----

    /**
     * The tutors the viewer may filter by whose name contains {@code text}, A–Z, a page at a time: all
     * tutors for admins, themselves for tutors. Paged rather than the whole list: a filter box keeps
     * what it was given in server memory for as long as the page is open (issue 20).
     */
    @Transactional(readOnly = true)
    public List<FilterChoice> tutorChoices(String text, int offset, int limit) {
        CurrentUser user = currentUsers.require();
        String pattern = SessionListSql.likePattern(text);
        return user.isAdmin()
                ? jdbc.query("select id, name from tutors where lower(name) like ? escape '!' order by name, id"
                        + " limit ? offset ?", (rs, i) -> choice(rs), pattern, limit, offset)
                : jdbc.query("select id, name from tutors where id = ? and lower(name) like ? escape '!'"
                        + " limit ? offset ?", (rs, i) -> choice(rs), user.tutorId(), pattern, limit, offset);
    }

    /** @return every subject, A–Z */
    @Transactional(readOnly = true)
    public List<FilterChoice> subjectChoices() {
        currentUsers.require();
        return jdbc.query("select id, name from subjects order by name, id", (rs, i) -> choice(rs));
    }

    /**
     * Clients whose name contains {@code text}, A–Z, a page at a time: all clients for admins, the
     * clients of their engagements for tutors.
     */
    @Transactional(readOnly = true)
    public List<FilterChoice> clientChoices(String text, int offset, int limit) {
        CurrentUser user = currentUsers.require();
        String pattern = SessionListSql.likePattern(text);
        // Labelled with the billing contact: two "García family" clients must be told apart (issue 12).
        return user.isAdmin()
                ? jdbc.query("select id, name, billing_contact_name, billing_contact_email from clients"
                        + " where lower(name) like ? escape '!' order by name, id limit ? offset ?",
                        (rs, i) -> clientChoice(rs), pattern, limit, offset)
                : jdbc.query("select distinct c.id, c.name, c.billing_contact_name, c.billing_contact_email from clients c"
                        + " join students st on st.client_id = c.id join engagements e on e.student_id = st.id"
                        + " where e.tutor_id = ? and lower(c.name) like ? escape '!' order by c.name, c.id"
                        + " limit ? offset ?", (rs, i) -> clientChoice(rs), user.tutorId(), pattern, limit, offset);
    }

    /** Students whose name contains {@code text}, scoped like {@link #clientChoices}. */
    @Transactional(readOnly = true)
    public List<FilterChoice> studentChoices(String text, int offset, int limit) {
        CurrentUser user = currentUsers.require();
        String pattern = SessionListSql.likePattern(text);
        return user.isAdmin()
                ? jdbc.query("select id, name from students where lower(name) like ? escape '!' order by name, id"
                        + " limit ? offset ?", (rs, i) -> choice(rs), pattern, limit, offset)
                : jdbc.query("select distinct st.id, st.name from students st join engagements e on e.student_id = st.id"
                        + " where e.tutor_id = ? and lower(st.name) like ? escape '!' order by st.name, st.id"
                        + " limit ? offset ?", (rs, i) -> choice(rs), user.tutorId(), pattern, limit, offset);
    }

    /** The kinds of record a filter can name by id. */
    public enum ChoiceKind {
        TUTOR("tutors"), CLIENT("clients"), STUDENT("students"), SUBJECT("subjects");

        private final String table;

        ChoiceKind(String table) {
            this.table = table;
        }
    }

    /**
     * The name of a record a filter names by id, for showing a filter that came from the URL.
     * Tutors get an answer only for records of their own sessions, so a guessed id tells nothing.
     *
     * @return the record, or empty when it does not exist or is not the viewer's
     */
    @Transactional(readOnly = true)
    public Optional<FilterChoice> choice(ChoiceKind kind, long id) {
        CurrentUser user = currentUsers.require();
        boolean client = kind == ChoiceKind.CLIENT;
        String sql = "select id, name" + (client ? ", billing_contact_name, billing_contact_email" : "") + " from "
                + kind.table + " where id = ?";
        org.springframework.jdbc.core.RowMapper<FilterChoice> mapper = (rs, i) -> client ? clientChoice(rs) : choice(rs);
        if (user.isAdmin() || kind == ChoiceKind.SUBJECT) {
            return jdbc.query(sql, mapper, id).stream().findFirst();
        }
        String column = switch (kind) {
            case TUTOR -> "tutor_id";
            case CLIENT -> "client_id";
            case STUDENT -> "student_id";
            case SUBJECT -> "subject_id";
        };
        String scoped = sql + " and exists (select 1 from tutoring_sessions s where s.tutor_id = ? and s." + column
                + " = " + kind.table + ".id)";
        return jdbc.query(scoped, mapper, id, user.tutorId()).stream().findFirst();
    }

    // ---- mapping ----

    private static SessionRow row(ResultSet rs, Instant now, boolean showClientAmount) throws SQLException {
        Instant endsAt = SessionListSql.instant(rs.getObject("ends_at", LocalDateTime.class));
        SessionStatus status = SessionStatus.valueOf(rs.getString("status")).asOf(endsAt, now);
        return new SessionRow(rs.getLong("id"), SessionListSql.instant(rs.getObject("starts_at", LocalDateTime.class)),
                endsAt, rs.getInt("duration_minutes"), status, rs.getString("student_name"),
                rs.getString("client_name"), rs.getString("tutor_name"), rs.getString("subject_name"),
                rs.getString("location"), ReportState.valueOf(rs.getString("report_state")),
                BillingState.of(BillingState.valueOf(rs.getString("billing_state")), status,
                        rs.getLong("client_amount_minor") - rs.getLong("prepaid_amount_minor")),
                showClientAmount ? rs.getLong("client_amount_minor") : null, rs.getLong("tutor_earnings_minor"),
                rs.getObject("rating", Integer.class), rs.getInt("prepaid_minutes"), rs.getInt("remainder_minutes"));
    }

    /** A row of {@code id, name} as a choice (tutors, students, subjects). */
    static FilterChoice choice(ResultSet rs) throws SQLException {
        return new FilterChoice(rs.getLong("id"), rs.getString("name"));
    }

    private static FilterChoice clientChoice(ResultSet rs) throws SQLException {
        return new FilterChoice(rs.getLong("id"), ClientLabel.of(rs.getString("name"),
                rs.getString("billing_contact_name"), rs.getString("billing_contact_email")));
    }


    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

}
