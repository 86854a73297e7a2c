package com.tutordesk.prepaid;

import com.tutordesk.billing.InvoiceCancelled;
import com.tutordesk.billing.InvoicePaid;
import com.tutordesk.billing.InvoicePaymentUndone;
import com.tutordesk.billing.PackageSale;
import com.tutordesk.billing.PackageSales;
import com.tutordesk.session.SessionBilling;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a package's hours exist (domain.md "Prepaid packages": "Its hours become available when that
 * invoice is paid (card, pay link or marked paid), never before"): a paid invoice makes its package lines
 * packages; an undone payment or a refunded (cancelled after payment) invoice takes them away again, and
 * the sessions that used them settle again from what other packages have left — what is no longer
 * covered becomes billable. Each runs after the invoice's change committed, through the event
 * publication registry, and is idempotent (an event handed over twice changes nothing twice).
 */
@Component
class PackagePayments {

    private static final Logger log = LoggerFactory.getLogger(PackagePayments.class);

    private final PackageSales sales;
    private final PrepaidPackageRepository packages;
    private final PackageUsageRepository usages;
    private final SessionBilling sessionBilling;
    private final Clock clock;

    PackagePayments(PackageSales sales, PrepaidPackageRepository packages, PackageUsageRepository usages,
            SessionBilling sessionBilling, Clock clock) {
        this.sales = sales;
        this.packages = packages;
        this.usages = usages;
        this.sessionBilling = sessionBilling;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(InvoicePaid paid) {
        activate(paid.invoiceId());
    }

    @ApplicationModuleListener
    void on(InvoicePaymentUndone undone) {
        withdraw(undone.invoiceId(), "payment undone");
    }

    @ApplicationModuleListener
    void on(InvoiceCancelled cancelled) {
        if (cancelled.wasPaid()) {
            withdraw(cancelled.invoiceId(), "invoice refunded and cancelled");
        }
    }

    /** The invoice's package lines become packages with hours available from now. */
    @Transactional(propagation = Propagation.MANDATORY)
    void activate(long invoiceId) {
        Instant now = clock.instant();
        for (PackageSale sale : sales.soldOn(invoiceId)) {
            if (packages.findByInvoiceLineId(sale.lineId()).isPresent()) {
                continue;
            }
            packages.save(new PrepaidPackage(invoiceId, sale.lineId(), sale.clientId(), sale.engagementId(),
                    sale.minutes(), sale.priceMinor(), sale.currency(), sale.memo(), now));
            log.info("Prepaid package of invoice {} active: {} min of engagement {}", invoiceId, sale.minutes(),
                    sale.engagementId());
        }
        packages.flush();
    }

    /** The invoice's packages go; the sessions that used them settle again from other packages. */
    @Transactional(propagation = Propagation.MANDATORY)
    void withdraw(long invoiceId, String why) {
        List<PrepaidPackage> withdrawn = packages.lockOfInvoice(invoiceId);
        if (withdrawn.isEmpty()) {
            return;
        }
        List<Long> ids = withdrawn.stream().map(PrepaidPackage::getId).toList();
        TreeSet<Long> sessions = new TreeSet<>();
        usages.findOfPackages(ids).forEach(usage -> sessions.add(usage.getSessionId()));
        usages.deleteAll(usages.findOfPackages(ids));
        packages.deleteAll(withdrawn);
        packages.flush();
        sessionBilling.resettlePackages(sessions);
        log.info("Prepaid packages {} of invoice {} withdrawn ({}); {} session(s) settled again", ids, invoiceId, why,
                sessions.size());
    }
}
