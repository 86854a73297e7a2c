package com.tutordesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.testing.IntegrationTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The start-up lock on MariaDB: one holder at a time; the others wait, or give up naming the lock. */
@IntegrationTest
class ClusterLockIT {

    @Autowired
    ClusterLock lock;

    @Test
    void a_second_holder_waits_for_the_first_and_gives_up_when_its_wait_runs_out() throws Exception {
        String name = "test-lock-" + System.nanoTime();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> lock.runExclusively(name,
                Duration.ofSeconds(5), () -> {
                    held.countDown();
                    await(release);
                    return "first";
                }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> lock.runExclusively(name, Duration.ZERO, () -> "second"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(name)
                .hasMessageContaining("another node holds it");

        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> lock.runExclusively(name,
                Duration.ofSeconds(30), () -> "second"));
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("second");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
