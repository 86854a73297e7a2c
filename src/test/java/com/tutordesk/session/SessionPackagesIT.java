package com.tutordesk.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.billing.BillingFixture;
import com.tutordesk.billing.InvoiceIssuingService;
import com.tutordesk.billing.InvoiceSettlementService;
import com.tutordesk.billing.ManualPayment;
import com.tutordesk.billing.NewInvoice;
import com.tutordesk.billing.PaymentMethod;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.HourTotalsCheck;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions using prepaid hours as they complete (issue 17): the promotion job, and two completions at
 * once on MariaDB never using the same minutes.
 */
@IntegrationTest
class SessionPackagesIT {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Autowired
    InvoiceIssuingService issuing;

    @Autowired
    InvoiceSettlementService settlement;

    @Autowired
    SessionLoggingService logging;

    @Autowired
    SessionStatusPromoter promoter;

    @Autowired
    PackageMinutes packageMinutes;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    SignIn signIn;

    @Autowired
    TestClock clock;

    DemoAccounts demo;
    BillingFixture family;
    long engagement;
    ExecutorService threads;

    @BeforeEach
    void setUp() {
        clock.reset();
        demo = DemoAccounts.read(jdbc);
        family = BillingFixture.create(jdbc, data, null);
        engagement = family.engagement(family.student(TestData.unique("Ana")), 5_000);
        threads = Executors.newFixedThreadPool(2);
        signIn.as(demo.adminEmail());
    }

    @AfterEach
    void tearDown() {
        HourTotalsCheck.assertAgreeWithSessions(jdbc);
        threads.shutdownNow();
        signIn.out();
        clock.reset();
    }

    private long sellAndPay(int minutes) {
        long invoice = issuing.create(new NewInvoice(family.clientId, List.of(), List.of(), TODAY.plusDays(14),
                NewInvoice.Delivery.SEND_NOW, null, List.of(new NewInvoice.PackageLine(engagement, minutes,
                        minutes * 5_000L / 60, null))));
        settlement.markPaid(invoice, new ManualPayment(PaymentMethod.CASH, TODAY, null));
        return invoice;
    }

    private long schedule(LocalDate date, String time, int minutes) {
        return logging.logSession(new LogSessionRequest(engagement, date, LocalTime.parse(time), minutes, null, false,
                UUID.randomUUID().toString()));
    }

    private String state(long sessionId) {
        return jdbc.queryForObject("select billing_state from tutoring_sessions where id = ?", String.class, sessionId);
    }

    private int used() {
        return jdbc.queryForObject("select coalesce(sum(minutes_used), 0) from prepaid_packages where engagement_id = ?",
                Integer.class, engagement);
    }

    @Test
    void a_scheduled_session_uses_the_hours_when_the_promotion_job_completes_it() {
        sellAndPay(600);
        long session = schedule(TODAY.plusDays(1), "15:00", 90);
        assertThat(state(session)).isEqualTo("UNBILLED");
        assertThat(used()).isZero();

        clock.set(TestClock.START.plus(Duration.ofDays(2)));
        promoter.completeEndedSessions();

        assertThat(state(session)).isEqualTo("PREPAID");
        assertThat(used()).isEqualTo(90);
        assertThat(packageMinutes.minutesLeft(engagement)).isEqualTo(510);
    }

    @Test
    void a_session_scheduled_before_the_package_was_paid_uses_it_when_it_completes_after() {
        long session = schedule(TODAY.plusDays(1), "15:00", 60);
        sellAndPay(120);

        clock.set(TestClock.START.plus(Duration.ofDays(2)));
        promoter.completeEndedSessions();

        assertThat(state(session)).isEqualTo("PREPAID");
        assertThat(used()).isEqualTo(60);
    }

    @Test
    void two_sessions_completing_at_once_never_use_the_same_minutes() throws Exception {
        sellAndPay(60);
        Instant yesterday = TestClock.START.minus(Duration.ofDays(1));
        long first = data.session(engagement, yesterday, 60, "COMPLETED");
        long second = data.session(engagement, yesterday.plus(Duration.ofHours(2)), 60, "COMPLETED");
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch secondIsWaiting = new CountDownLatch(1);
        TransactionTemplate tx = new TransactionTemplate(transactions);

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            int covered = packageMinutes.settle(first, engagement, 60);
            firstHoldsTheLock.countDown();
            await(secondIsWaiting);
            return covered;
        }), threads);
        await(firstHoldsTheLock);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(
                () -> tx.execute(status -> packageMinutes.settle(second, engagement, 60)), threads);
        // The second transaction is blocked on the package rows the first one locked: only then does the first commit.
        while (lockWaits() == 0) {
            assertThat(b).isNotDone();
            Thread.onSpinWait();
        }
        secondIsWaiting.countDown();

        assertThat(a.get(60, TimeUnit.SECONDS)).isEqualTo(60);
        assertThat(b.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(used()).isEqualTo(60);
        assertThat(jdbc.queryForObject("select sum(u.minutes) from prepaid_usages u join prepaid_packages p"
                + " on p.id = u.package_id where p.engagement_id = ?", Integer.class, engagement)).isEqualTo(60);
    }

    /** @return how many other connections are inside the packages' locking query right now (waiting for the lock) */
    private int lockWaits() {
        return jdbc.queryForObject("select count(*) from information_schema.processlist where id <> connection_id()"
                + " and info like '%from prepaid\\_packages%for update%'", Integer.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The other transaction never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
