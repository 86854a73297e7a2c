package com.tutordesk.billing;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * One client of a billing run: the sessions chosen at the preview, the prepaid package lines the admin
 * added for the client (issue 17), and what the run did for the client.
 * The outcome is written in the transaction that makes the client's invoice (or in one of its own when
 * that failed), so PENDING means "not done yet" even after a crash.
 */
@Entity
@Table(name = "billing_run_clients")
class BillingRunClient {

    /** What the run did for a client (the result list of the run page). */
    enum Outcome {
        PENDING("Waiting"),
        ISSUED("Issued, emailed with its pay link"),
        CHARGED("Issued and charged to the card on file"),
        NOT_CHARGED("Issued; the card charge did not go through (emailed with its pay link)"),
        SCHEDULED("Scheduled"),
        DRAFTED("Saved as a draft"),
        ALREADY_INVOICED("Already invoiced"),
        FAILED("Failed");

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    static final int MESSAGE_MAX_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "run_id", nullable = false)
    private long runId;

    @Column(nullable = false)
    private int position;

    @Column(name = "client_id", nullable = false)
    private long clientId;

    @Column(name = "client_name", nullable = false, length = 200)
    private String clientName;

    @Column(name = "session_count", nullable = false)
    private int sessionCount;

    @Column(name = "total_minor", nullable = false)
    private long totalMinor;

    @Column(nullable = false)
    private boolean autopay;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Outcome outcome = Outcome.PENDING;

    @Column(name = "invoice_id")
    private Long invoiceId;

    @Column(length = MESSAGE_MAX_LENGTH)
    private String message;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "billing_run_sessions", joinColumns = @JoinColumn(name = "run_client_id"))
    @Column(name = "session_id", nullable = false)
    @OrderBy
    private List<Long> sessionIds = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "billing_run_packages", joinColumns = @JoinColumn(name = "run_client_id"))
    @OrderColumn(name = "position")
    private List<RunPackage> packages = new ArrayList<>();

    /** A package line to sell on the client's invoice, as checked when the run started (see {@link PackageSales}). */
    @Embeddable
    static class RunPackage {

        @Column(name = "engagement_id", nullable = false)
        private long engagementId;

        @Column(nullable = false)
        private int minutes;

        @Column(name = "price_minor", nullable = false)
        private long priceMinor;

        @Column(length = PackageSales.MEMO_MAX_LENGTH)
        private String memo;

        protected RunPackage() {
        }

        RunPackage(NewInvoice.PackageLine line) {
            this.engagementId = line.engagementId();
            this.minutes = line.minutes();
            this.priceMinor = line.priceMinor();
            this.memo = line.memo() == null || line.memo().isBlank() ? null : line.memo().strip();
        }

        NewInvoice.PackageLine line() {
            return new NewInvoice.PackageLine(engagementId, minutes, priceMinor, memo);
        }
    }

    protected BillingRunClient() {
    }

    /**
     * @param totalMinor the sessions' total at the preview, minor units (the packages' prices add to it)
     * @param packages   the package lines to sell on the client's invoice, possibly none
     */
    BillingRunClient(long runId, int position, long clientId, String clientName, List<Long> sessionIds,
            long totalMinor, boolean autopay, List<NewInvoice.PackageLine> packages) {
        this.runId = runId;
        this.position = position;
        this.clientId = clientId;
        this.clientName = clientName.length() > 200 ? clientName.substring(0, 200) : clientName;
        this.sessionIds = new ArrayList<>(sessionIds);
        this.sessionCount = sessionIds.size();
        this.totalMinor = totalMinor;
        this.autopay = autopay;
        this.packages = new ArrayList<>(packages.stream().map(RunPackage::new).toList());
    }

    void done(Outcome outcome, Long invoiceId, String message) {
        this.outcome = outcome;
        this.invoiceId = invoiceId;
        this.message = message == null || message.length() <= MESSAGE_MAX_LENGTH ? message
                : message.substring(0, MESSAGE_MAX_LENGTH - 1) + "…";
    }

    Long getId() {
        return id;
    }

    long getRunId() {
        return runId;
    }

    int getPosition() {
        return position;
    }

    long getClientId() {
        return clientId;
    }

    String getClientName() {
        return clientName;
    }

    int getSessionCount() {
        return sessionCount;
    }

    long getTotalMinor() {
        return totalMinor;
    }

    boolean isAutopay() {
        return autopay;
    }

    Outcome getOutcome() {
        return outcome;
    }

    Long getInvoiceId() {
        return invoiceId;
    }

    String getMessage() {
        return message;
    }

    List<Long> getSessionIds() {
        return sessionIds;
    }

    /** @return the package lines to sell, in the order the admin added them */
    List<NewInvoice.PackageLine> packageLines() {
        return packages.stream().map(RunPackage::line).toList();
    }

    /** @return the sum of the package lines' prices, minor units */
    long packagesMinor() {
        return packages.stream().mapToLong(p -> p.priceMinor).sum();
    }
}
