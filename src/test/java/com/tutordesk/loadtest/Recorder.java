package com.tutordesk.loadtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the virtual users did, per interaction name: server time (the sum of the HTTP round-trips of
 * one user action, measured on loopback from request sent to response read, so the harness's own
 * processing between round-trips is left out), round-trips, response bytes and errors. Only
 * interactions that end while the window is open are counted, so ramp-up and ramp-down stay out.
 */
final class Recorder {

    /** Requests the browser makes by itself (notification closing, polls, heartbeats), outside any user action. */
    static final String BACKGROUND = "background (notification close, poll, heartbeat)";

    /** One user action in progress: its round-trips so far. */
    final class Interaction {
        private final String name;
        private double serverMillis;
        private int roundTrips;
        private long bytes;

        private Interaction(String name) {
            this.name = name;
        }

        void roundTrip(double millis, long responseBytes) {
            serverMillis += millis;
            roundTrips++;
            bytes += responseBytes;
        }

        void done() {
            record(name, serverMillis, roundTrips, bytes, null);
        }

        void failed(String error) {
            record(name, serverMillis, roundTrips, bytes, error);
        }
    }

    /** Totals of one interaction name. */
    static final class Totals {
        private final List<Double> millis = new ArrayList<>();
        private long roundTrips;
        private long bytes;
        private long errors;
        private final Map<String, Integer> errorKinds = new TreeMap<>();

        synchronized void add(double serverMillis, int trips, long responseBytes, String error) {
            millis.add(serverMillis);
            roundTrips += trips;
            bytes += responseBytes;
            if (error != null) {
                errors++;
                errorKinds.merge(error.length() > 160 ? error.substring(0, 160) : error, 1, Integer::sum);
            }
        }

        synchronized int count() {
            return millis.size();
        }

        synchronized long errors() {
            return errors;
        }

        synchronized long roundTrips() {
            return roundTrips;
        }

        synchronized long bytes() {
            return bytes;
        }

        synchronized Map<String, Integer> errorKinds() {
            return new TreeMap<>(errorKinds);
        }

        /** @return the q-quantile (0..1) of server time in milliseconds, nearest rank */
        synchronized double quantile(double q) {
            if (millis.isEmpty()) {
                return Double.NaN;
            }
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(q * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }
    }

    private final Map<String, Totals> totals = new ConcurrentHashMap<>();
    private volatile boolean open;
    private final AtomicLong lateRecords = new AtomicLong();

    Interaction begin(String name) {
        return new Interaction(name);
    }

    /** Starts counting (and forgets everything counted before). */
    void openWindow() {
        totals.clear();
        open = true;
    }

    void closeWindow() {
        open = false;
    }

    private void record(String name, double serverMillis, int roundTrips, long bytes, String error) {
        if (!open) {
            lateRecords.incrementAndGet();
            return;
        }
        totals.computeIfAbsent(name, n -> new Totals()).add(serverMillis, roundTrips, bytes, error);
    }

    /** @return the totals by interaction name, in the order the journeys define */
    Map<String, Totals> totals() {
        return new TreeMap<>(totals);
    }

    /** @return user interactions counted (background requests left out) */
    long userInteractions() {
        return totals.entrySet().stream().filter(e -> !e.getKey().equals(BACKGROUND))
                .mapToLong(e -> e.getValue().count()).sum();
    }

    long errors() {
        return totals.values().stream().mapToLong(Totals::errors).sum();
    }

    long roundTrips() {
        return totals.values().stream().mapToLong(Totals::roundTrips).sum();
    }

    /** @return all user interactions together, as one distribution */
    Totals overall() {
        Totals all = new Totals();
        totals.forEach((name, t) -> {
            if (!name.equals(BACKGROUND)) {
                synchronized (t) {
                    for (double m : t.millis) {
                        all.millis.add(m);
                    }
                    all.roundTrips += t.roundTrips;
                    all.bytes += t.bytes;
                    all.errors += t.errors;
                    t.errorKinds.forEach((k, v) -> all.errorKinds.merge(k, v, Integer::sum));
                }
            }
        });
        return all;
    }
}
