package com.tutordesk.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The work virtual users do, step by step as a person does it in the browser. Think time: 2–5 s
 * after a page opens, 0.5–2 s between actions on a page (scaled by {@link Pace} for quick checks).
 *
 * <ul>
 * <li><b>Admin</b>: signs in; Sessions, filtered by status and by a tutor, a name search now and then,
 * scrolls the lazy grid, sorts by student; opens a session and goes back; Log Session through the
 * tutor → engagement dropdowns, a start time, save; Payments; opens an invoice and now and then
 * downloads its PDF.</li>
 * <li><b>Tutor</b>: signs in; Schedule (their own week), the week before; opens one of their
 * sessions there; writes the session report (the page saves drafts while they type) and sends it.</li>
 * </ul>
 */
final class Journeys {

    /** Think-time scale: 1 for the real pace, smaller for quick protocol checks. */
    record Pace(double scale) {
        static final Pace REAL = new Pace(1);

        void afterPage(VaadinTab tab) {
            tab.think(Math.round(2_000 * scale), Math.round(5_000 * scale));
        }

        void betweenActions(VaadinTab tab) {
            tab.think(Math.round(500 * scale), Math.round(2_000 * scale));
        }
    }

    /** A login of the load-test business. */
    record Login(String email, String password, boolean admin) {
    }

    private static final Pattern SESSION_LINK = Pattern.compile("href=\"sessions/(\\d+)\"");
    private static final List<String> REPORT_WORDS = List.of("Worked", "on", "fractions", "and", "long", "division.",
            "Good", "progress", "today;", "practised", "word", "problems", "and", "reading", "the", "question",
            "twice.", "Next", "time:", "review", "the", "homework", "mistakes.", "Confident", "with", "the", "basics.");

    private Journeys() {
    }

    /** Opens the login page and signs in; the home page loads. */
    static void signIn(VaadinTab tab, Login login, Pace pace) {
        tab.act("open login page", () -> tab.load("login"));
        pace.afterPage(tab);
        tab.act("sign in (form post, home page)", () -> tab.submitLogin(login.email(), login.password()));
        pace.afterPage(tab);
    }

    /** Clicks "Log out" (the session ends; the login page loads). */
    static void signOut(VaadinTab tab) {
        tab.act("log out", () -> tab.click(tab.byText("vaadin-button", "Log out")));
    }

    /** One round of an admin's work; returns early when {@code keepGoing} turns false. */
    static void admin(VaadinTab tab, Pace pace, BooleanSupplier keepGoing) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        tab.act("Sessions page (menu)", () -> tab.navigate("sessions"));
        pace.afterPage(tab);

        UiTree.Node status = tab.byId("filter-status");
        tab.act("filter: open status list", () -> tab.openComboBox(status));
        pace.betweenActions(tab);
        tab.act("filter: status Completed", () -> tab.chooseInComboBox(status, tab.comboKey(status, "Completed")));
        pace.betweenActions(tab);

        UiTree.Node tutorFilter = tab.byId("filter-tutor");
        tab.act("filter: open tutor list", () -> tab.openComboBox(tutorFilter));
        pace.betweenActions(tab);
        String tutorKey = randomKey(tab, tutorFilter);
        tab.act("filter: choose tutor", () -> tab.chooseInComboBox(tutorFilter, tutorKey));
        pace.betweenActions(tab);
        if (!keepGoing.getAsBoolean()) {
            return;
        }

        if (random.nextInt(3) == 0) {
            UiTree.Node search = tab.byId("filter-search");
            String fragment = List.of("an", "son", "el", "ar", "li", "ma").get(random.nextInt(6));
            tab.act("filter: name search", () -> tab.typeLazily(search, fragment));
            pace.betweenActions(tab);
            tab.act("filter: clear name search", () -> tab.typeLazily(search, ""));
            pace.betweenActions(tab);
        }
        tab.act("filter: clear tutor", () -> tab.changeProperty(tutorFilter, "value", "", "value-changed"));
        pace.betweenActions(tab);

        UiTree.Node grid = tab.byId("sessions-grid");
        if (random.nextInt(3) == 0) {
            tab.act("sort by student", () -> tab.sortGrid(grid, "Student", "asc"));
            pace.betweenActions(tab);
        }
        int size = tab.size(grid);
        for (int page = 1; page <= 2 && page * 50 < size; page++) {
            int first = page * 50;
            tab.act("scroll the grid", () -> tab.scrollGrid(grid, first, 100));
            pace.betweenActions(tab);
        }
        if (!keepGoing.getAsBoolean()) {
            return;
        }

        List<JsonNode> rows = new ArrayList<>(tab.items(grid).values());
        if (!rows.isEmpty()) {
            long sessionId = sessionIdOf(rows.get(random.nextInt(rows.size())));
            tab.act("open a session (row link)", () -> tab.navigate("sessions/" + sessionId));
            pace.afterPage(tab);
            tab.act("Sessions page (menu)", () -> tab.navigate("sessions"));
            pace.afterPage(tab);
        }

        tab.act("Log Session: open dialog", () -> tab.click(tab.byId("log-session")));
        pace.betweenActions(tab);
        UiTree.Node tutor = tab.byId("log-tutor");
        tab.act("Log Session: open tutor list", () -> tab.openComboBox(tutor));
        pace.betweenActions(tab);
        String tutorChoice = randomKey(tab, tutor);
        tab.act("Log Session: choose tutor", () -> tab.chooseInComboBox(tutor, tutorChoice));
        pace.betweenActions(tab);
        UiTree.Node engagement = tab.byId("log-engagement");
        if (engagement.visible()) {
            tab.act("Log Session: open engagement list", () -> tab.openComboBox(engagement));
            pace.betweenActions(tab);
            String engagementChoice = randomKey(tab, engagement);
            tab.act("Log Session: choose engagement", () -> tab.chooseInComboBox(engagement, engagementChoice));
            pace.betweenActions(tab);
            String time = (1 + random.nextInt(11)) + ":" + List.of("00", "15", "30", "45").get(random.nextInt(4))
                    + (random.nextBoolean() ? " AM" : " PM");
            // The start time is a combo box (typed text or a listed time) inside a custom field.
            UiTree.Node timeBox = tab.inside(tab.byId("log-time"), "vaadin-combo-box");
            tab.act("Log Session: type start time", () -> tab.typeCustomValue(timeBox, time));
            pace.betweenActions(tab);
            tab.act("Log Session: save", () -> tab.click(tab.byId("log-save")));
        } else {
            tab.act("Log Session: cancel (tutor has no engagements)", () -> tab.click(tab.byText("vaadin-button",
                    "Cancel")));
        }
        pace.afterPage(tab);
        if (!keepGoing.getAsBoolean()) {
            return;
        }

        tab.act("Payments page (menu)", () -> tab.navigate("payments"));
        pace.afterPage(tab);
        UiTree.Node invoices = tab.byId("invoices-grid");
        List<JsonNode> invoiceRows = new ArrayList<>(tab.items(invoices).values());
        if (!invoiceRows.isEmpty()) {
            String key = invoiceRows.get(random.nextInt(Math.min(20, invoiceRows.size()))).path("key").asString();
            tab.act("open an invoice (row click)", () -> tab.clickGridRow(invoices, key));
            pace.afterPage(tab);
            if (random.nextInt(3) == 0) {
                String href = tab.byId("download-pdf").attribute("href");
                if (href != null) {
                    tab.act("invoice PDF download", () -> tab.download(href));
                    pace.betweenActions(tab);
                }
            }
        }
    }

    /** One round of a tutor's work; returns early when {@code keepGoing} turns false. */
    static void tutor(VaadinTab tab, Pace pace, BooleanSupplier keepGoing) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        tab.act("Schedule page, own week (menu)", () -> tab.navigate("schedule"));
        pace.afterPage(tab);
        tab.act("Schedule: previous week", () -> tab.click(tab.byId("schedule-previous")));
        pace.afterPage(tab);
        if (!keepGoing.getAsBoolean()) {
            return;
        }
        List<Long> sessions = sessionLinks(tab);
        if (sessions.isEmpty()) {
            return;
        }
        long sessionId = sessions.get(random.nextInt(sessions.size()));
        tab.act("open a session (calendar block)", () -> tab.navigate("sessions/" + sessionId));
        pace.afterPage(tab);

        UiTree.Node report = tab.byId("session-report");
        JsonNode current = report.property("value");
        StringBuilder text = new StringBuilder(current == null ? "" : current.asString());
        if (text.length() > 2_000) {
            text.setLength(0);
        }
        // Typing for 6–15 s: the page sends the text as a draft every 3 s and once when typing stops.
        long typingMillis = Math.round(random.nextLong(6_000, 15_001) * pace.scale());
        long started = System.nanoTime();
        while ((System.nanoTime() - started) / 1_000_000L < typingMillis) {
            tab.think(Math.round(3_000 * pace.scale()), Math.round(3_000 * pace.scale()));
            for (int i = 0; i < 8; i++) {
                text.append(text.isEmpty() ? "" : " ").append(REPORT_WORDS.get(random.nextInt(REPORT_WORDS.size())));
            }
            String draft = text.toString();
            tab.act("report: draft saved while typing", () -> tab.inputEvent(report, draft, "intermediate"));
        }
        String finished = text.toString();
        tab.act("report: draft saved when typing stops", () -> tab.inputEvent(report, finished, "trailing"));
        pace.betweenActions(tab);
        UiTree.Node saveAndSend = tab.byId("session-save-send");
        UiTree.Node button = tab.disabled(saveAndSend) ? tab.byId("session-save") : saveAndSend;
        tab.act(button == saveAndSend ? "report: Save and Send" : "report: Save (sending not allowed)",
                () -> tab.changeAndClick(report, finished, button));
        pace.afterPage(tab);
    }

    private static String randomKey(VaadinTab tab, UiTree.Node listing) {
        List<JsonNode> choices = new ArrayList<>(tab.items(listing).values());
        if (choices.isEmpty()) {
            throw new VaadinTab.UiError("no items in " + listing);
        }
        return choices.get(ThreadLocalRandom.current().nextInt(choices.size())).path("key").asString();
    }

    /** @return the session id of a Sessions grid row (the date column's link renderer carries it) */
    private static long sessionIdOf(JsonNode row) {
        for (Map.Entry<String, JsonNode> property : row.properties()) {
            if (property.getKey().startsWith("lr_") && property.getKey().endsWith("_id")) {
                return property.getValue().asLong();
            }
        }
        throw new VaadinTab.UiError("grid row without a session link: " + row);
    }

    /** @return the sessions linked from the calendar's blocks (each day column's HTML holds its blocks) */
    private static List<Long> sessionLinks(VaadinTab tab) {
        List<Long> ids = new ArrayList<>();
        for (UiTree.Node node : tab.tree().findAll(n -> n.property("innerHTML") != null)) {
            Matcher link = SESSION_LINK.matcher(node.property("innerHTML").asString());
            while (link.find()) {
                ids.add(Long.parseLong(link.group(1)));
            }
        }
        return ids;
    }
}
