package com.tutordesk.security;

import java.time.Duration;

/**
 * How failed sign-ins slow further tries down (issue 12 "Sign-in and sessions"): the first
 * {@code failuresBeforePause - 1} failures in a row cost nothing; the {@code failuresBeforePause}-th
 * starts a pause of {@code firstPause}, and every further failure doubles it, up to {@code maxPause}.
 * A pause ends by itself; the count is forgotten after a successful sign-in or after
 * {@code forgetAfter} without a failure. There is no lock that only an admin can lift, so whoever
 * knows the password is at most {@code maxPause} away from signing in.
 *
 * @param failuresBeforePause the failure in a row (1-based) that starts the first pause, at least 1
 * @param firstPause          length of the first pause
 * @param maxPause            longest pause, at least {@code firstPause}
 * @param forgetAfter         quiet time after which earlier failures no longer count
 */
record SignInPauses(int failuresBeforePause, Duration firstPause, Duration maxPause, Duration forgetAfter) {

    SignInPauses {
        if (failuresBeforePause < 1) {
            throw new IllegalArgumentException("failuresBeforePause must be at least 1: " + failuresBeforePause);
        }
        if (firstPause.isNegative() || firstPause.isZero() || maxPause.compareTo(firstPause) < 0) {
            throw new IllegalArgumentException("Pauses must be positive and maxPause >= firstPause: " + firstPause
                    + ", " + maxPause);
        }
    }

    /** @return the pause that follows the {@code failures}-th failure in a row (zero before the first pause) */
    Duration pauseAfter(int failures) {
        int doublings = failures - failuresBeforePause;
        if (doublings < 0) {
            return Duration.ZERO;
        }
        Duration pause = firstPause;
        for (int i = 0; i < doublings && pause.compareTo(maxPause) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxPause) > 0 ? maxPause : pause;
    }

    /** @return "Sign-in is paused for 3 minutes." (whole minutes, rounded up, at least one) */
    static String pausedFor(Duration remaining) {
        long minutes = Math.max(1, (remaining.getSeconds() + 59) / 60);
        return "Sign-in is paused for " + minutes + (minutes == 1 ? " minute." : " minutes.");
    }
}
