package com.tutordesk.billing;

import com.tutordesk.engagement.Engagement;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.Money;
import com.tutordesk.shared.NotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prepaid packages as invoice lines (issue 17; domain.md "Prepaid packages": "sold on an invoice as its
 * own line", price "default hours × client rate; it may be lower"): the engagements Create Invoice may
 * sell hours of, the checks a package line passes, and the sales the prepaid module reads. Package lines
 * are stored as {@link InvoiceAdjustment}s naming an engagement and minutes, so the invoice's total,
 * page, PDF and email carry them like any line.
 */
@Service
public class PackageSales {

    /** Longest memo a person may add to a package line (the line's text adds the hours and names). */
    public static final int MEMO_MAX_LENGTH = 100;

    private static final String SALE = """
            select a.id, a.invoice_id, i.number, i.state, i.issue_date, i.client_id, a.package_engagement_id,
                   a.package_minutes, a.amount_minor, i.currency, a.memo
            from invoice_adjustments a join invoices i on i.id = a.invoice_id
            where a.package_minutes is not null
            """;

    @PersistenceContext
    private EntityManager em;

    private final JdbcTemplate jdbc;
    private final InvoiceGuard guard;
    private final CurrentUserService currentUsers;

    PackageSales(JdbcTemplate jdbc, InvoiceGuard guard, CurrentUserService currentUsers) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.currentUsers = currentUsers;
    }

    /**
     * An engagement Create Invoice offers for a package line.
     *
     * @param engagementId    the engagement
     * @param label           e.g. "Ana Lopez — Algebra II (Ines Oliveira)"
     * @param clientRateMinor its client rate per hour, minor units (the default price is hours × this)
     */
    public record PackageChoice(long engagementId, String label, long clientRateMinor) {
    }

    /**
     * The client's active engagements a package may be sold for: all of them for an admin, their own
     * for an Enhanced-Access tutor who added the client.
     *
     * @throws NotFoundException when the client is not the caller's to bill
     */
    @Transactional(readOnly = true)
    public List<PackageChoice> choices(long clientId) {
        CurrentUser user = currentUsers.require();
        guard.billableClient(user, clientId);
        Long tutorId = user.isAdmin() ? null : user.tutorId();
        return em.createQuery("""
                        select e from Engagement e
                        where e.student.client.id = :clientId and e.active and (:tutorId is null or e.tutor.id = :tutorId)
                        order by e.student.name, e.subject.name, e.id
                        """, Engagement.class)
                .setParameter("clientId", clientId).setParameter("tutorId", tutorId).getResultList().stream()
                .map(e -> new PackageChoice(e.getId(), e.getStudent().getName() + " — " + e.getSubject().getName()
                        + " (" + e.getTutor().getName() + ")", e.getClientRateMinor()))
                .toList();
    }

    /** @return the default price of {@code minutes} at an hourly rate: rate × minutes / 60, rounded once */
    public static long defaultPriceMinor(long clientRateMinor, int minutes) {
        return Money.forMinutes(clientRateMinor, minutes);
    }

    /** A package line that passed its checks, with the text the invoice shows. */
    record Checked(long engagementId, int minutes, long priceMinor, String text) {
    }

    /**
     * Checks package lines for an invoice of {@code clientId}.
     *
     * @param ownTutorId for a tutor, their id (only their own engagements), else {@code null}
     * @throws InvalidFieldException "packages": an engagement not of this client (or not the tutor's), an
     *         inactive one, listed twice, hours not a positive multiple of 15 minutes or too many, a price
     *         below zero or above hours × the client rate, a memo too long
     */
    List<Checked> check(long clientId, Long ownTutorId, List<NewInvoice.PackageLine> lines, BusinessProfile profile) {
        List<Checked> checked = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (NewInvoice.PackageLine line : lines) {
            Engagement engagement = em.find(Engagement.class, line.engagementId());
            if (engagement == null || engagement.getStudent().getClient().getId() != clientId
                    || (ownTutorId != null && !engagement.getTutor().getId().equals(ownTutorId))) {
                throw new InvalidFieldException("packages", "Package: engagement " + line.engagementId()
                        + " is not an engagement of this client");
            }
            if (!engagement.isActive()) {
                throw new InvalidFieldException("packages", "Package: the engagement is inactive");
            }
            if (!seen.add(engagement.getId())) {
                throw new InvalidFieldException("packages", "Package: one package per engagement on an invoice");
            }
            if (line.minutes() <= 0 || line.minutes() % 15 != 0) {
                throw new InvalidFieldException("packages", "Package hours must be more than zero, in steps of 15 minutes");
            }
            if (line.minutes() > NewInvoice.MAX_PACKAGE_MINUTES) {
                throw new InvalidFieldException("packages", "Package hours: at most "
                        + NewInvoice.MAX_PACKAGE_MINUTES / 60 + " h");
            }
            long defaultPrice = defaultPriceMinor(engagement.getClientRateMinor(), line.minutes());
            if (line.priceMinor() < 0) {
                throw new InvalidFieldException("packages", "Package price must not be below zero");
            }
            if (line.priceMinor() > defaultPrice) {
                throw new InvalidFieldException("packages", "Package price must be at most "
                        + profile.formatMoney(defaultPrice) + " (hours × client rate)");
            }
            String memo = line.memo() == null || line.memo().isBlank() ? null : line.memo().strip();
            if (memo != null && memo.length() > MEMO_MAX_LENGTH) {
                throw new InvalidFieldException("packages", "Package memo must be at most " + MEMO_MAX_LENGTH
                        + " characters");
            }
            String text = "Prepaid package: " + BusinessProfile.formatDuration(line.minutes()) + " — "
                    + engagement.getStudent().getName() + ", " + engagement.getSubject().getName()
                    + (memo == null ? "" : " — " + memo);
            checked.add(new Checked(engagement.getId(), line.minutes(), line.priceMinor(),
                    text.length() > InvoiceAdjustment.MEMO_MAX_LENGTH
                            ? text.substring(0, InvoiceAdjustment.MEMO_MAX_LENGTH) : text));
        }
        return checked;
    }

    /** @return the packages sold on an invoice, in line order (no role check: for module listeners) */
    @Transactional(readOnly = true)
    public List<PackageSale> soldOn(long invoiceId) {
        return jdbc.query(SALE + " and a.invoice_id = ? order by a.position", PackageSales::sale, invoiceId);
    }

    /**
     * The packages sold on the client's draft and outstanding invoices: awaiting payment (no role check:
     * the prepaid module checks who may see the client).
     */
    @Transactional(readOnly = true)
    public List<PackageSale> awaitingPayment(long clientId) {
        return jdbc.query(SALE + " and i.client_id = ? and i.state in ('DRAFT', 'OPEN') order by a.invoice_id, a.position",
                PackageSales::sale, clientId);
    }

    private static PackageSale sale(ResultSet rs, int row) throws SQLException {
        return new PackageSale(rs.getLong("id"), rs.getLong("invoice_id"), rs.getString("number"),
                InvoiceState.valueOf(rs.getString("state")), rs.getObject("issue_date", LocalDate.class),
                rs.getLong("client_id"), rs.getLong("package_engagement_id"), rs.getInt("package_minutes"),
                rs.getLong("amount_minor"), rs.getString("currency"), rs.getString("memo"));
    }
}
