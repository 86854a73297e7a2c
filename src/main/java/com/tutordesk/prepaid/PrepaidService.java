package com.tutordesk.prepaid;

import com.tutordesk.billing.PackageSale;
import com.tutordesk.billing.PackageSales;
import com.tutordesk.engagement.Engagement;
import com.tutordesk.people.Client;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.shared.NotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prepaid module's API (issue 17; domain.md "Prepaid packages"): a client's and an engagement's
 * packages with bought, used and left and the sessions that used them, the client portal's balances,
 * the Payments page's "Prepaid hours left", and the refunds shown on an invoice ("Refund unused hours"
 * itself is {@link PackageRefunds}).
 *
 * <p>Who may see packages (domain.md "Roles": clients and invoices): admins every client's; a tutor with
 * Enhanced Access the clients they added; nobody else. Anyone else asking for a client or engagement gets
 * "not found", as for an id that does not exist.
 */
@Service
public class PrepaidService {

    @PersistenceContext
    private EntityManager em;

    private final PrepaidPackageRepository packages;
    private final PackageUsageRepository usages;
    private final PackageSales sales;
    private final CurrentUserService currentUsers;

    PrepaidService(PrepaidPackageRepository packages, PackageUsageRepository usages, PackageSales sales,
            CurrentUserService currentUsers) {
        this.packages = packages;
        this.usages = usages;
        this.sales = sales;
        this.currentUsers = currentUsers;
    }

    /**
     * The client's packages, awaiting payment first, then paid ones oldest first.
     *
     * @throws NotFoundException when the client does not exist or is not the caller's to see
     */
    @Transactional(readOnly = true)
    public List<PackageRow> packagesOfClient(long clientId) {
        visibleClient(currentUsers.require(), clientId);
        return rows(clientId, null);
    }

    /**
     * The engagement's packages, awaiting payment first, then paid ones oldest first.
     *
     * @throws NotFoundException when the engagement does not exist or its client is not the caller's to see
     */
    @Transactional(readOnly = true)
    public List<PackageRow> packagesOfEngagement(long engagementId) {
        Engagement engagement = em.find(Engagement.class, engagementId);
        if (engagement == null || !maySee(currentUsers.require(), engagement.getStudent().getClient())) {
            throw new NotFoundException("Engagement", engagementId);
        }
        return rows(engagement.getStudent().getClient().getId(), engagementId);
    }

    /**
     * The signed-in family's package balances, for the client portal (domain.md "Client portal": package
     * balances): one per package, awaiting payment first.
     *
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is a client login
     */
    @Transactional(readOnly = true)
    public List<PackageBalance> familyBalances() {
        return balancesOfClient(currentUsers.requireClient().clientId());
    }

    /**
     * A client's package balances, one per package, awaiting payment first. No role check: only
     * {@link #familyBalances()} calls it, with the signed-in client's own id.
     *
     * @return the balances; empty for a client without packages (or an unknown id)
     */
    @Transactional(readOnly = true)
    List<PackageBalance> balancesOfClient(long clientId) {
        return rows(clientId, null).stream().map(row -> {
            Engagement engagement = em.find(Engagement.class, row.engagementId());
            return new PackageBalance(engagement.getSubject().getName() + " with " + engagement.getTutor().getName(),
                    engagement.getStudent().getName(), engagement.getSubject().getName(), row.minutesBought(),
                    row.minutesUsed(), row.minutesLeft(), row.state());
        }).toList();
    }

    /**
     * "Prepaid hours left" on the Payments page: minutes left on paid packages and their value at the
     * packages' prices. Admins see all clients; a tutor with Enhanced Access the clients they added.
     *
     * @throws AccessDeniedException for a tutor without Enhanced Access
     */
    @Transactional(readOnly = true)
    public PrepaidTotals totals() {
        CurrentUser user = currentUsers.require();
        if (!user.isAdmin() && !user.enhancedAccess()) {
            throw new AccessDeniedException("Only admins and tutors with Enhanced Access see prepaid hours");
        }
        long minutes = 0;
        long value = 0;
        Map<Long, Boolean> visible = new HashMap<>();
        for (PrepaidPackage p : packages.findWithMinutesLeft()) {
            if (!visible.computeIfAbsent(p.getClientId(), id -> maySee(user, em.find(Client.class, id)))) {
                continue;
            }
            minutes += p.minutesLeft();
            value += p.valueLeftMinor();
        }
        return new PrepaidTotals(minutes, value);
    }

    /**
     * The refunded packages sold on an invoice, for the invoice page (issue 17: the refund shows there too).
     *
     * @return the invoice's refunded packages; empty when there are none or the client is not the caller's to see
     */
    @Transactional(readOnly = true)
    public List<PackageRow> refundedOnInvoice(long invoiceId) {
        CurrentUser user = currentUsers.require();
        List<PrepaidPackage> sold = packages.findOfInvoice(invoiceId);
        if (sold.isEmpty() || !maySee(user, em.find(Client.class, sold.getFirst().getClientId()))) {
            return List.of();
        }
        return rows(sold.getFirst().getClientId(), null).stream()
                .filter(row -> row.invoiceId() == invoiceId && row.state() == PackageState.REFUNDED).toList();
    }

    /** @return whether the caller may refund unused hours (admins only, as for cancelling invoices) */
    public boolean mayRefund() {
        return currentUsers.find().map(CurrentUser::isAdmin).orElse(false);
    }

    // ---- internals ----

    private Client visibleClient(CurrentUser user, long clientId) {
        Client client = em.find(Client.class, clientId);
        if (client == null || !maySee(user, client)) {
            throw new NotFoundException("Client", clientId);
        }
        return client;
    }

    /** Admins; a tutor with Enhanced Access for the clients they added (domain.md "Roles"). */
    static boolean maySee(CurrentUser user, Client client) {
        return client != null && (user.isAdmin()
                || (user.enhancedAccess() && Objects.equals(client.getAddedByTutorId(), user.tutorId())));
    }

    private List<PackageRow> rows(long clientId, Long engagementId) {
        List<PackageSale> awaiting = sales.awaitingPayment(clientId).stream()
                .filter(sale -> engagementId == null || sale.engagementId() == engagementId).toList();
        List<PrepaidPackage> paid = (engagementId == null ? packages.findOfClient(clientId)
                : packages.findOfEngagement(engagementId));
        Set<Long> engagementIds = new HashSet<>();
        awaiting.forEach(sale -> engagementIds.add(sale.engagementId()));
        paid.forEach(p -> engagementIds.add(p.getEngagementId()));
        Map<Long, String> labels = labels(engagementIds);
        Map<Long, List<PackageRow.Use>> uses = uses(paid.stream().map(PrepaidPackage::getId).toList());
        Map<Long, String> numbers = invoiceNumbers(clientId);
        List<PackageRow> rows = new ArrayList<>();
        for (PackageSale sale : awaiting) {
            rows.add(new PackageRow(null, sale.invoiceId(), sale.invoiceNumber(), sale.engagementId(),
                    labels.get(sale.engagementId()), sale.minutes(), 0, 0, sale.priceMinor(), sale.currency(),
                    PackageState.AWAITING_PAYMENT, null, 0, 0, null, List.of()));
        }
        for (PrepaidPackage p : paid) {
            rows.add(new PackageRow(p.getId(), p.getInvoiceId(), numbers.get(p.getInvoiceId()), p.getEngagementId(),
                    labels.get(p.getEngagementId()), p.getMinutesBought(), p.getMinutesUsed(), p.minutesLeft(),
                    p.getPriceMinor(), p.getCurrency(), p.shownState(), p.getPaidAt(), p.getRefundedMinor(),
                    p.getRefundedMinutes(), refund(p.refundRecord()), uses.getOrDefault(p.getId(), List.of())));
        }
        return rows;
    }

    private static PackageRow.Refund refund(PrepaidPackage.RefundRecord record) {
        return record == null ? null : new PackageRow.Refund(record.method(), record.date(), record.reference(),
                record.cardLast4(), record.pending());
    }

    private Map<Long, String> labels(Collection<Long> engagementIds) {
        if (engagementIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select e from Engagement e where e.id in :ids", Engagement.class)
                .setParameter("ids", engagementIds).getResultList().stream()
                .collect(Collectors.toMap(Engagement::getId, e -> e.getStudent().getName() + " — "
                        + e.getSubject().getName() + " (" + e.getTutor().getName() + ")"));
    }

    private Map<Long, List<PackageRow.Use>> uses(List<Long> packageIds) {
        if (packageIds.isEmpty()) {
            return Map.of();
        }
        List<PackageUsage> all = usages.findOfPackages(packageIds);
        if (all.isEmpty()) {
            return Map.of();
        }
        Map<Long, Instant> starts = new HashMap<>();
        em.createQuery("select s.id, s.startsAt from TutoringSession s where s.id in :ids", Object[].class)
                .setParameter("ids", all.stream().map(PackageUsage::getSessionId).collect(Collectors.toSet()))
                .getResultList().forEach(row -> starts.put((Long) row[0], (Instant) row[1]));
        Map<Long, List<PackageRow.Use>> byPackage = new HashMap<>();
        for (PackageUsage usage : all) {
            byPackage.computeIfAbsent(usage.getPackageId(), id -> new ArrayList<>())
                    .add(new PackageRow.Use(usage.getSessionId(), starts.get(usage.getSessionId()), usage.getMinutes()));
        }
        byPackage.values().forEach(list -> list.sort(Comparator.comparing(PackageRow.Use::startsAt,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(PackageRow.Use::sessionId)));
        return byPackage;
    }

    private Map<Long, String> invoiceNumbers(long clientId) {
        Map<Long, String> numbers = new HashMap<>();
        for (PrepaidPackage p : packages.findOfClient(clientId)) {
            if (!numbers.containsKey(p.getInvoiceId())) {
                sales.soldOn(p.getInvoiceId()).stream().findFirst()
                        .ifPresent(sale -> numbers.put(p.getInvoiceId(), sale.invoiceNumber()));
            }
        }
        return numbers;
    }
}
