package com.tutordesk.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the demo business ({@code tutordesk.demo.*}).
 *
 * @param enabled      load the demo business into an empty database at start-up
 * @param showLogins   show the demo logins on the login page (only with public passwords)
 * @param publicPasswords give the demo logins their public passwords ("demo-admin-pass" …): only the
 *                     embedded default run (and tests) does; otherwise (the {@code mysql} profile) each
 *                     demo login gets a random password, printed once when the demo business is loaded,
 *                     that must be changed at the first sign-in
 * @param seed         random seed; the same seed and date give the same business
 * @param sessions     how many sessions to create (about; default 3,000). People scale with it:
 *                     about 12 tutors, 80 clients, 110 students and 150 engagements per 3,000
 * @param historyWeeks weeks of past sessions (default 26, about six months)
 * @param futureWeeks  weeks of scheduled sessions ahead (default 4)
 */
@ConfigurationProperties("tutordesk.demo")
public record DemoProperties(boolean enabled, boolean showLogins, boolean publicPasswords, long seed, int sessions,
        int historyWeeks, int futureWeeks) {

    public DemoProperties {
        seed = seed == 0 ? 20_261_129L : seed;
        sessions = sessions <= 0 ? 3_000 : sessions;
        historyWeeks = historyWeeks <= 0 ? 26 : historyWeeks;
        futureWeeks = futureWeeks <= 0 ? 4 : futureWeeks;
        showLogins = showLogins && publicPasswords;
    }
}
