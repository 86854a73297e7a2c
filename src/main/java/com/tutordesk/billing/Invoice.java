package com.tutordesk.billing;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An invoice for one client (domain.md "Invoices"). State changes only through the methods below,
 * each of which refuses a change its state does not allow. A cancelled invoice changes no more; a
 * paid one only goes back to open when its manual payment is undone, or to cancelled once its
 * payments are undone or refunded (issue 12).
 */
@Entity
@Table(name = "invoices")
public class Invoice {

    public static final int NUMBER_MAX_LENGTH = 20;
    public static final int BILL_TO_NAME_MAX_LENGTH = 120;
    public static final int BILL_TO_EMAIL_MAX_LENGTH = 254;
    public static final int BILL_TO_ADDRESS_MAX_LENGTH = 500;
    public static final int SEND_PROBLEM_MAX_LENGTH = 500;
    /** Most sessions on one invoice: a guard against a request that would build a huge PDF and email. */
    public static final int MAX_LINES = 500;
    public static final int MAX_ADJUSTMENTS = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(length = NUMBER_MAX_LENGTH)
    private String number;

    @Column(name = "client_id", nullable = false)
    private long clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private InvoiceState state;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "issue_date")
    private LocalDate issueDate;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(name = "lines_total_minor", nullable = false)
    private long linesTotalMinor;

    @Column(name = "adjustments_total_minor", nullable = false)
    private long adjustmentsTotalMinor;

    @Column(name = "total_minor", nullable = false)
    private long totalMinor;

    @Column(name = "bill_to_name", nullable = false, length = BILL_TO_NAME_MAX_LENGTH)
    private String billToName;

    @Column(name = "bill_to_email", nullable = false, length = BILL_TO_EMAIL_MAX_LENGTH)
    private String billToEmail;

    @Column(name = "bill_to_address", length = BILL_TO_ADDRESS_MAX_LENGTH)
    private String billToAddress;

    @Column(name = "send_on")
    private LocalDate sendOn;

    @Column(name = "send_problem", length = SEND_PROBLEM_MAX_LENGTH)
    private String sendProblem;

    @Column(name = "issued_at")
    private Instant issuedAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "created_by_user_id")
    private Long createdByUserId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<InvoiceLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<InvoiceAdjustment> adjustments = new ArrayList<>();

    protected Invoice() {
    }

    /** A new draft with its bill-to copied from the client (kept as it was when issued). */
    Invoice(long clientId, String currency, LocalDate dueDate, String billToName, String billToEmail,
            String billToAddress, Long createdByUserId, Instant now) {
        this.clientId = clientId;
        this.state = InvoiceState.DRAFT;
        this.currency = currency;
        this.dueDate = dueDate;
        this.billToName = billToName;
        this.billToEmail = billToEmail;
        this.billToAddress = billToAddress;
        this.createdByUserId = createdByUserId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** @return "INV-000123" for sequence number 123 */
    static String formatNumber(long sequence) {
        return String.format(Locale.ROOT, "INV-%06d", sequence);
    }

    void addLine(InvoiceLine line) {
        requireState(InvoiceState.DRAFT, "add sessions to");
        line.attach(this, lines.size());
        lines.add(line);
        recomputeTotals();
    }

    void addAdjustment(String memo, long amountMinor) {
        requireState(InvoiceState.DRAFT, "adjust");
        adjustments.add(new InvoiceAdjustment(this, adjustments.size(), memo, amountMinor));
        recomputeTotals();
    }

    /** Adds a prepaid package line (issue 17): its price counts with the adjustments. */
    void addPackageLine(String memo, long priceMinor, long engagementId, int minutes) {
        requireState(InvoiceState.DRAFT, "add a package to");
        adjustments.add(InvoiceAdjustment.packageLine(this, adjustments.size(), memo, priceMinor, engagementId, minutes));
        recomputeTotals();
    }

    /** Recomputes the three sums from the lines and adjustments (a draft's lines may be refreshed). */
    InvoiceTotals recomputeTotals() {
        InvoiceTotals totals = InvoiceTotals.of(lines.stream().map(InvoiceLine::getAmountMinor).toList(),
                adjustments.stream().map(InvoiceAdjustment::getAmountMinor).toList());
        linesTotalMinor = totals.linesMinor();
        adjustmentsTotalMinor = totals.adjustmentsMinor();
        totalMinor = totals.totalMinor();
        return totals;
    }

    /** Refreshes the bill-to of a draft from the client just before it is issued. */
    void billTo(String name, String email, String address) {
        requireState(InvoiceState.DRAFT, "change the bill-to of");
        this.billToName = name;
        this.billToEmail = email;
        this.billToAddress = address;
    }

    void scheduleSend(LocalDate date, Instant now) {
        requireState(InvoiceState.DRAFT, "schedule");
        this.sendOn = date;
        this.sendProblem = null;
        this.updatedAt = now;
    }

    /** A scheduled send could not issue the invoice: it stays a draft and says why. */
    void sendFailed(String problem, Instant now) {
        requireState(InvoiceState.DRAFT, "record a send problem on");
        this.sendOn = null;
        this.sendProblem = problem.length() > SEND_PROBLEM_MAX_LENGTH ? problem.substring(0, SEND_PROBLEM_MAX_LENGTH)
                : problem;
        this.updatedAt = now;
    }

    void issue(String number, LocalDate issueDate, Instant now) {
        requireState(InvoiceState.DRAFT, "issue");
        if (dueDate.isBefore(issueDate)) {
            // A draft's due date cannot be edited: say the way out that exists.
            throw new com.tutordesk.shared.RuleViolationException("The due date " + dueDate + " has passed (today is "
                    + issueDate + "): delete this draft and create the invoice again with a later due date");
        }
        this.number = number;
        this.issueDate = issueDate;
        this.state = InvoiceState.OPEN;
        this.sendOn = null;
        this.sendProblem = null;
        this.issuedAt = now;
        this.updatedAt = now;
    }

    void markPaid(Instant now) {
        requireState(InvoiceState.OPEN, "mark as paid");
        this.state = InvoiceState.PAID;
        this.paidAt = now;
        this.updatedAt = now;
    }

    /** Its only payment was undone (issue 12): the invoice is outstanding again. */
    void reopen(Instant now) {
        requireState(InvoiceState.PAID, "reopen");
        this.state = InvoiceState.OPEN;
        this.paidAt = null;
        this.updatedAt = now;
    }

    /**
     * Cancels an open invoice, or a paid one whose payments were undone or refunded (the caller checks
     * the payments): its sessions may go on another invoice.
     */
    void cancel(Instant now) {
        if (state != InvoiceState.PAID) {
            requireState(InvoiceState.OPEN, "cancel");
        }
        for (InvoiceLine line : lines) {
            line.release();
        }
        this.state = InvoiceState.CANCELLED;
        // A refunded paid invoice: its payments stay listed; paid_at is only for a paid invoice.
        this.paidAt = null;
        this.cancelledAt = now;
        this.updatedAt = now;
    }

    private void requireState(InvoiceState expected, String action) {
        if (state != expected) {
            throw new com.tutordesk.shared.RuleViolationException("Cannot " + action + " an invoice that is "
                    + state.label().toLowerCase(Locale.ROOT) + (state == InvoiceState.CANCELLED
                            ? ": cancelled invoices do not change" : ""));
        }
    }

    public Long getId() {
        return id;
    }

    /** @return e.g. "INV-000123", or {@code null} for a draft */
    public String getNumber() {
        return number;
    }

    public long getClientId() {
        return clientId;
    }

    public InvoiceState getState() {
        return state;
    }

    public String getCurrency() {
        return currency;
    }

    /** @return business-local issue date, {@code null} for a draft */
    public LocalDate getIssueDate() {
        return issueDate;
    }

    /** @return business-local due date */
    public LocalDate getDueDate() {
        return dueDate;
    }

    public long getLinesTotalMinor() {
        return linesTotalMinor;
    }

    public long getAdjustmentsTotalMinor() {
        return adjustmentsTotalMinor;
    }

    public long getTotalMinor() {
        return totalMinor;
    }

    public String getBillToName() {
        return billToName;
    }

    public String getBillToEmail() {
        return billToEmail;
    }

    public String getBillToAddress() {
        return billToAddress;
    }

    /** @return business-local date of a scheduled send, or {@code null} */
    public LocalDate getSendOn() {
        return sendOn;
    }

    /** @return why the last scheduled send could not issue the invoice, or {@code null} */
    public String getSendProblem() {
        return sendProblem;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getPaidAt() {
        return paidAt;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }

    public List<InvoiceLine> getLines() {
        return List.copyOf(lines);
    }

    public List<InvoiceAdjustment> getAdjustments() {
        return List.copyOf(adjustments);
    }
}
