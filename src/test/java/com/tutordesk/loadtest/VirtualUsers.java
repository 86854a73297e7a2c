package com.tutordesk.loadtest;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * A crowd of virtual users, each a virtual thread driving one {@link VaadinTab}: it signs in, repeats
 * its journey until told to stop, then logs out (ending its session, as the office does at the end
 * of a day). After an error it reloads the page, as a person would, and signs in again if the
 * session is gone.
 */
final class VirtualUsers {

    private final HttpClient http;
    private final String baseUrl;
    private final Recorder recorder;
    private final Journeys.Pace pace;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger signedIn = new AtomicInteger();
    private final AtomicInteger failedIdle = new AtomicInteger();
    private final List<VaadinTab> tabs = java.util.Collections.synchronizedList(new ArrayList<>());

    VirtualUsers(HttpClient http, String baseUrl, Recorder recorder, Journeys.Pace pace) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.recorder = recorder;
        this.pace = pace;
    }

    /** Starts one user per login, each after a random delay within {@code rampUp}, working until {@link #stop}. */
    void start(List<Journeys.Login> logins, Duration rampUp) {
        for (Journeys.Login login : logins) {
            long delay = rampUp.isZero() ? 0 : ThreadLocalRandom.current().nextLong(rampUp.toMillis());
            threads.add(Thread.ofVirtual().name("vu-" + login.email()).start(() -> {
                sleep(delay);
                work(login);
            }));
        }
    }

    /**
     * Starts one user per login who signs in, does {@code setUp} once and then stays idle on that page
     * (its UI held in server memory) until {@link #stop}.
     */
    void startIdle(List<Journeys.Login> logins, BiConsumer<VaadinTab, Journeys.Login> setUp) {
        // One sign-in at a time: what is measured here is memory, and a failed sign-in leaves a session
        // without a UI that would be counted as UI memory (simultaneous sign-ins deadlocked on
        // known_browsers until issue 20 fixed it: a 500 for 3 and then 11 of 20).
        java.util.concurrent.Semaphore oneAtATime = new java.util.concurrent.Semaphore(1);
        for (Journeys.Login login : logins) {
            threads.add(Thread.ofVirtual().name("idle-" + login.email()).start(() -> {
                VaadinTab tab = new VaadinTab(http, baseUrl, recorder);
                try {
                    oneAtATime.acquireUninterruptibly();
                    try {
                        Journeys.signIn(tab, login, new Journeys.Pace(0));
                        setUp.accept(tab, login);
                    } finally {
                        oneAtATime.release();
                    }
                    tabs.add(tab);
                    signedIn.incrementAndGet();
                    while (running.get()) {
                        tab.think(200, 200);
                    }
                    Journeys.signOut(tab);
                } catch (RuntimeException failure) {
                    failedIdle.incrementAndGet();
                    System.err.println("idle user " + login.email() + ": " + failure);
                }
            }));
        }
    }

    /** @return the tabs of idle users that reached their page */
    List<VaadinTab> tabs() {
        return List.copyOf(tabs);
    }

    /** @return how many idle users failed before reaching their page (the error is printed) */
    int failedIdle() {
        return failedIdle.get();
    }

    /** @return how many users are signed in now */
    int signedIn() {
        return signedIn.get();
    }

    /** Waits until {@code count} users are signed in (and set up), or the limit passes. */
    void awaitSignedIn(int count, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        // An idle user that failed never signs in: stop waiting for it.
        while (signedIn.get() + failedIdle.get() < count && System.nanoTime() < deadline) {
            sleep(200);
        }
    }

    /** Asks every user to finish and log out, and waits for them (at most {@code limit}). */
    void stop(Duration limit) {
        running.set(false);
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !thread.join(Duration.ofNanos(left))) {
                    thread.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void work(Journeys.Login login) {
        VaadinTab tab = new VaadinTab(http, baseUrl, recorder);
        boolean signedInNow = false;
        while (running.get()) {
            try {
                if (!signedInNow) {
                    Journeys.signIn(tab, login, pace);
                    signedInNow = true;
                    signedIn.incrementAndGet();
                }
                if (login.admin()) {
                    Journeys.admin(tab, pace, running::get);
                } else {
                    Journeys.tutor(tab, pace, running::get);
                }
            } catch (VaadinTab.UiError error) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                // As a person would: reload the page; when the session is gone, sign in again.
                try {
                    pace.afterPage(tab);
                    tab.act("reload after an error", () -> tab.load(""));
                    if (tab.tree().find(n -> "vaadin-login-form".equals(n.tag())).isPresent()) {
                        signedInNow = false;
                        signedIn.decrementAndGet();
                    }
                } catch (VaadinTab.UiError reloadFailed) {
                    signedInNow = false;
                    signedIn.decrementAndGet();
                    sleep(2_000);
                }
            }
        }
        if (signedInNow) {
            try {
                Journeys.signOut(tab);
            } catch (VaadinTab.UiError ignored) {
                // the session ends by itself later
            }
            signedIn.decrementAndGet();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
