package com.tutordesk.session;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Where a session is in billing (domain.md "Billing state"), the one definition the whole application
 * shows, filters, counts and sums by (issue 12): the sessions list (filter, column, footer, CSV), the
 * session page, the tutor, client and engagement pages, the Payments page's Unbilled total, Create
 * Invoice and the rate-change dialog.
 *
 * <p>{@link #UNBILLED}, {@link #INVOICED}, {@link #PAID} and {@link #PREPAID} are stored (column
 * {@code billing_state}, changed through {@link SessionBilling}). A session stored as unbilled reads
 * as {@link #UPCOMING} while it has not ended (scheduled), and as {@link #NOT_BILLABLE} when there is
 * nothing to bill: cancelled in time, or completed or late-cancelled with a client amount of 0.
 * {@link #of} decides in Java and {@link #sql}/{@link #UNBILLED_JPQL} in queries, by the same rule.
 *
 * <p>Prepaid packages (issue 17): a session whose chargeable minutes packages cover in full is
 * {@link #PREPAID} and never invoiced. One they cover in part stays unbilled (then invoiced, paid) for
 * its remainder only: what is billable is {@code client_amount_minor - prepaid_amount_minor}, which
 * every "unbilled" sum and condition here uses; {@link #describe} names both parts.
 *
 * <p>A session on a draft invoice is still unbilled: a draft has billed nobody yet (Create Invoice
 * does not offer it again, since the draft holds it).
 */
public enum BillingState {
    /** Billable and on no issued invoice: completed (or scheduled and ended) or late-cancelled, with a client amount. */
    UNBILLED("Unbilled"),
    /** On an open invoice. */
    INVOICED("Invoiced"),
    /** On a paid invoice. */
    PAID("Paid"),
    /** Not ended yet (scheduled): not billable yet. Never stored. */
    UPCOMING("Upcoming"),
    /** Nothing to bill: cancelled in time, or a client amount of 0. Never stored. */
    NOT_BILLABLE("Not billable"),
    /** Covered in full by prepaid package hours (domain.md "Prepaid packages"): never invoiced. */
    PREPAID("Prepaid");

    /**
     * JPQL condition "billable and unbilled" on a {@code TutoringSession s}, with the parameter
     * {@code :now} (UTC instant); the same rule as {@code sql(UNBILLED)}.
     */
    public static final String UNBILLED_JPQL = """
            (s.billingState = com.tutordesk.session.BillingState.UNBILLED and s.clientAmountMinor - s.prepaidAmountMinor > 0
             and (s.status in (com.tutordesk.session.SessionStatus.COMPLETED,
                               com.tutordesk.session.SessionStatus.LATE_CANCELLED)
                  or (s.status = com.tutordesk.session.SessionStatus.SCHEDULED and s.endsAt <= :now)))
            """;

    /** JPQL condition "upcoming" on a {@code TutoringSession s}, with the parameter {@code :now}. */
    public static final String UPCOMING_JPQL = """
            (s.billingState = com.tutordesk.session.BillingState.UNBILLED
             and s.status = com.tutordesk.session.SessionStatus.SCHEDULED and s.endsAt > :now)
            """;

    private final String label;

    BillingState(String label) {
        this.label = label;
    }

    /** @return e.g. "Not billable" */
    public String label() {
        return label;
    }

    /** @return whether this state is kept in the {@code billing_state} column (the others are derived) */
    public boolean stored() {
        return this == UNBILLED || this == INVOICED || this == PAID || this == PREPAID;
    }

    /**
     * The billing state a person sees.
     *
     * @param stored            the stored state (unbilled, invoiced or paid)
     * @param statusNow         the status as of now ({@link SessionStatus#asOf}: a scheduled session
     *                          whose end has passed is completed)
     * @param clientAmountMinor the billable amount (client amount less the prepaid part), minor units
     */
    public static BillingState of(BillingState stored, SessionStatus statusNow, long clientAmountMinor) {
        if (stored != UNBILLED) {
            return stored;
        }
        return switch (statusNow) {
            case SCHEDULED -> UPCOMING;
            case CANCELLED -> NOT_BILLABLE;
            case COMPLETED, LATE_CANCELLED -> clientAmountMinor > 0 ? UNBILLED : NOT_BILLABLE;
        };
    }

    /**
     * An SQL condition on {@code tutoring_sessions s} that holds exactly for sessions in this state.
     *
     * @param now the current instant (scheduled sessions that have ended are billable)
     */
    public SqlCondition sql(Instant now) {
        LocalDateTime utc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        return switch (this) {
            case INVOICED, PAID, PREPAID -> new SqlCondition("s.billing_state = '" + name() + "'", List.of());
            case UNBILLED -> new SqlCondition("(s.billing_state = 'UNBILLED' and s.client_amount_minor - s.prepaid_amount_minor > 0"
                    + " and (s.status in ('COMPLETED', 'LATE_CANCELLED') or (s.status = 'SCHEDULED' and s.ends_at <= ?)))",
                    List.of(utc));
            case UPCOMING -> new SqlCondition("(s.billing_state = 'UNBILLED' and s.status = 'SCHEDULED'"
                    + " and s.ends_at > ?)", List.of(utc));
            case NOT_BILLABLE -> new SqlCondition("(s.billing_state = 'UNBILLED' and (s.status = 'CANCELLED'"
                    + " or (s.client_amount_minor - s.prepaid_amount_minor = 0 and (s.status <> 'SCHEDULED' or s.ends_at <= ?))))", List.of(utc));
        };
    }

    /**
     * What the sessions list and the session page say of a session's billing (issue 17): the state's
     * label, or for a session packages cover in part both parts, e.g. "Prepaid 45 min + unbilled 15 min".
     *
     * @param state            the state as {@link #of} gives it
     * @param prepaidMinutes   minutes taken from packages
     * @param remainderMinutes minutes billable after them (meaningful when {@code prepaidMinutes > 0})
     */
    public static String describe(BillingState state, int prepaidMinutes, int remainderMinutes) {
        if (prepaidMinutes == 0 || state == PREPAID || remainderMinutes == 0) {
            return state.label();
        }
        return "Prepaid " + duration(prepaidMinutes) + " + " + state.label().toLowerCase() + " "
                + duration(remainderMinutes);
    }

    private static String duration(int minutes) {
        return com.tutordesk.settings.BusinessProfile.formatDuration(minutes);
    }

    /**
     * A piece of SQL with its bind parameters, in order.
     *
     * @param sql    the condition, on the alias {@code s} of {@code tutoring_sessions}
     * @param params values for its {@code ?}s (instants as UTC {@link LocalDateTime})
     */
    public record SqlCondition(String sql, List<Object> params) {
    }
}
