package com.tutordesk.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One browser tab of the Vaadin app, spoken to over plain HTTP the way Flow's browser client does:
 * the HTML page, the bootstrap ({@code ?v-r=init}: UI id, {@code Vaadin-Security-Key}), then UIDL
 * requests ({@code ?v-r=uidl}) carrying the security key as {@code csrfToken}, the last
 * {@code syncId} the server sent and a {@code clientId} that counts this tab's messages; node ids
 * come from the state tree the responses build ({@link UiTree}).
 *
 * <p>Besides the person's own actions it sends what the browser sends by itself, found by recording
 * Chromium against this app: the events web components fire when they are created or when the
 * server changes a property they notify about (e.g. a combo box's {@code opened-changed} with the
 * {@code opened} value the server has not seen yet), the grid's and combo box's
 * {@code confirmUpdate} after each data batch, the result of JavaScript the server awaits (return
 * channels), a dialog's {@code closed} event, a notification closing after its duration, polls and
 * heartbeats. Static files (scripts, styles, fonts) are left out: a browser has them cached.
 *
 * <p>Not thread-safe: one virtual user drives one tab, one request at a time, as the browser does.
 */
final class VaadinTab {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String BROWSER_DETAILS = "&v-sh=900&v-sw=1400&v-wh=900&v-ww=1400&v-bh=900&v-bw=1400"
            + "&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-td=false&v-pr=1&v-np=Linux%20x86_64&v-cs=light"
            + "&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=PROMPT"
            + "&v-wla=SUPPORTED&v-ws=false";
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern META_CSRF_PARAMETER = Pattern.compile(
            "<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");
    private static final Duration HEARTBEAT = Duration.ofSeconds(300);

    /**
     * Events a web component fires by itself when it is created, or when a property it notifies
     * about changes, with the value the component starts with ({@code null}: whatever the server
     * set). Flow sends such an event when the server listens to it, and the property's value with
     * it when the server does not know that value yet. Recorded from Chromium on this app's pages.
     */
    private static final Map<String, List<Notify>> NOTIFYING = Map.ofEntries(
            Map.entry("vaadin-login-form", List.of(new Notify("error", Boolean.FALSE))),
            Map.entry("vaadin-app-layout", List.of(new Notify("primarySection", null),
                    new Notify("drawerOpened", Boolean.TRUE), new Notify("overlay", Boolean.FALSE))),
            Map.entry("vaadin-side-nav", List.of(new Notify("collapsed", Boolean.FALSE))),
            Map.entry("vaadin-side-nav-item", List.of(new Notify("expanded", Boolean.FALSE))),
            Map.entry("vaadin-select", List.of(new Notify("opened", Boolean.FALSE), new Notify("value", null))),
            Map.entry("vaadin-date-picker", List.of(new Notify("value", null))),
            Map.entry("vaadin-combo-box", List.of(new Notify("value", null), new Notify("opened", Boolean.FALSE),
                    new Notify("filter", ""))),
            Map.entry("vaadin-checkbox", List.of(new Notify("checked", null),
                    new Notify("indeterminate", Boolean.FALSE))),
            Map.entry("vaadin-radio-button", List.of(new Notify("checked", null))),
            Map.entry("vaadin-radio-group", List.of(new Notify("value", null))),
            Map.entry("vaadin-checkbox-group", List.of(new Notify("value", null))),
            Map.entry("vaadin-tabs", List.of(new Notify("selected", null))),
            Map.entry("vaadin-notification", List.of(new Notify("opened", null))));

    private static List<Notify> notifying(UiTree.Node node) {
        return node.tag() == null ? List.of() : NOTIFYING.getOrDefault(node.tag(), List.of());
    }

    /** A notifying property and the value the component starts with (null: the server's). */
    private record Notify(String property, Object initial) {
        String event() {
            return property.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT) + "-changed";
        }
    }

    /** Something the browser does later by itself. */
    private record Timer(long dueNanos, int node, String kind, long repeatMillis) {
    }

    /** A failure a person would see or that breaks the page: counted as an error of the interaction. */
    static final class UiError extends RuntimeException {
        UiError(String message) {
            super(message);
        }

        UiError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient http;
    private final String base;
    private final Recorder recorder;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, Boolean> httpOnlyCookies = new HashMap<>();

    private UiTree tree = new UiTree();
    private String html = "";
    private int uiId = -1;
    private String securityKey;
    private int syncId;
    private int clientId;
    private int historyIndex;
    private final Map<Integer, Integer> promises = new HashMap<>();
    private final Map<Integer, NavigableMap<Integer, JsonNode>> items = new HashMap<>();
    private final Map<Integer, Integer> sizes = new HashMap<>();
    private final Map<Integer, Map<String, String>> sorterPaths = new HashMap<>();
    private final Map<Integer, String> typedFilters = new HashMap<>();
    private final List<Timer> timers = new ArrayList<>();
    private long nextHeartbeat;
    private Recorder.Interaction interaction;
    private Consumer<String> trace;
    private final List<String> pageErrors = new ArrayList<>();

    VaadinTab(HttpClient http, String base, Recorder recorder) {
        this.http = http;
        this.base = base;
        this.recorder = recorder;
    }

    /** Prints every request and response summary (for comparing with a browser's recording). */
    void trace(Consumer<String> out) {
        this.trace = out;
    }

    UiTree tree() {
        return tree;
    }

    // ---- interactions ----

    /**
     * Runs one user action, recording its round-trips under {@code name}. A failure is recorded and
     * rethrown (the journey then reloads the page, as a person would).
     */
    void act(String name, Runnable action) {
        Recorder.Interaction current = recorder.begin(name);
        interaction = current;
        try {
            action.run();
            settle();
            if (!pageErrors.isEmpty()) {
                String error = pageErrors.getFirst();
                pageErrors.clear();
                throw new UiError(error);
            }
            current.done();
        } catch (RuntimeException failure) {
            pageErrors.clear();
            current.failed(failure.getClass().getSimpleName() + ": " + failure.getMessage());
            throw failure instanceof UiError ui ? ui : new UiError(String.valueOf(failure.getMessage()), failure);
        } finally {
            interaction = null;
        }
    }

    /**
     * Waits like a person reading or thinking, meanwhile doing what the browser does by itself
     * (notifications closing, polls, the heartbeat).
     */
    void think(long minMillis, long maxMillis) {
        long until = System.nanoTime() + ThreadLocalRandom.current().nextLong(minMillis, maxMillis + 1) * 1_000_000L;
        while (true) {
            long now = System.nanoTime();
            Timer next = timers.stream().min(java.util.Comparator.comparingLong(Timer::dueNanos)).orElse(null);
            long wakeAt = Math.min(until, Math.min(next == null ? Long.MAX_VALUE : next.dueNanos(), nextHeartbeat));
            if (wakeAt > now) {
                sleep((wakeAt - now) / 1_000_000L + 1);
                continue;
            }
            if (nextHeartbeat <= now && uiId >= 0) {
                heartbeat();
            }
            if (next != null && next.dueNanos() <= now) {
                timers.remove(next);
                fire(next);
                continue;
            }
            if (now >= until) {
                return;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UiError("interrupted");
        }
    }

    // ---- page loads and navigation ----

    /**
     * Opens {@code path} as a new page load: the HTML, the bootstrap request and the router's first
     * navigation, as typing the address does.
     *
     * @param path e.g. "login", "" (home), "sessions"
     */
    void load(String path) {
        unload();
        html = get("/" + path).body();
        String location = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
        HttpResponse<String> init = get("/?v-r=init&location=" + encode(location) + "&query=" + encode(query)
                + BROWSER_DETAILS + "&v-curdate=" + System.currentTimeMillis() + "&v-wn=loadtest-"
                + Integer.toHexString(System.identityHashCode(this)));
        JsonNode appConfig = JSON.readTree(init.body()).path("appConfig");
        if (appConfig.isMissingNode()) {
            throw new UiError("bootstrap of /" + path + " answered without appConfig: " + abbreviate(init.body()));
        }
        JsonNode uidl = appConfig.path("uidl");
        if (uidl.isString()) {
            uidl = JSON.readTree(uidl.asString());
        }
        tree = new UiTree();
        uiId = appConfig.path("v-uiId").asInt();
        securityKey = uidl.path("Vaadin-Security-Key").asString();
        clientId = 0;
        historyIndex = 0;
        promises.clear();
        items.clear();
        sizes.clear();
        sorterPaths.clear();
        typedFilters.clear();
        timers.clear();
        nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
        ArrayNode followUps = process(uidl, false);
        if (!followUps.isEmpty()) {
            send(followUps);
        }
        send(rpcs(event(1, "ui-navigate", navigationData("/" + location, query, ""))));
    }

    /**
     * The page is left by a page load (a form post, a new address): the browser's client sends one
     * last message marked {@code UNLOAD} with {@code navigator.sendBeacon} so that the server closes
     * this UI at once instead of after three missed heartbeats. Its answer is not read.
     */
    private void unload() {
        if (uiId < 0) {
            return;
        }
        ObjectNode message = NODES.objectNode();
        message.put("csrfToken", securityKey);
        message.putArray("rpc");
        message.put("syncId", syncId);
        message.put("clientId", clientId);
        message.put("UNLOAD", true);
        int leaving = uiId;
        uiId = -1;
        exchange(HttpRequest.newBuilder(uri("/?v-r=uidl&v-uiId=" + leaving))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString())));
    }

    /** Follows a router link or menu entry: the client-side navigation the browser makes without a page load. */
    void navigate(String route) {
        String location = route.contains("?") ? route.substring(0, route.indexOf('?')) : route;
        String query = route.contains("?") ? route.substring(route.indexOf('?') + 1) : "";
        send(rpcs(event(1, "ui-navigate", navigationData(location, query, "client"))));
    }

    private ObjectNode navigationData(String route, String query, String trigger) {
        ObjectNode data = NODES.objectNode();
        data.put("route", route);
        data.put("query", query);
        data.put("appShellTitle", "Tutordesk");
        ObjectNode history = data.putObject("historyState");
        history.put("idx", historyIndex++);
        data.put("trigger", trigger);
        return data;
    }

    /**
     * Signs in through the login form as the browser does: the form posts the email, the password and
     * the CSRF token of the page ({@code _csrf} meta tag, or the readable {@code XSRF-TOKEN} cookie when
     * there is one, as the page's own script prefers), then the next page loads.
     *
     * @return the address the sign-in led to
     */
    String submitLogin(String email, String password) {
        unload();
        Matcher token = META_CSRF.matcher(html);
        Matcher parameter = META_CSRF_PARAMETER.matcher(html);
        String parameterName = parameter.find() ? parameter.group(1) : "_csrf";
        String form = "username=" + encode(email) + "&password=" + encode(password);
        String tokenValue = cookies.containsKey("XSRF-TOKEN") && !httpOnlyCookies.getOrDefault("XSRF-TOKEN", true)
                ? cookies.get("XSRF-TOKEN") : token.find() ? token.group(1) : null;
        if (tokenValue != null) {
            form += "&" + parameterName + "=" + encode(tokenValue);
        }
        HttpResponse<String> answer = exchange(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String to = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || to.contains("error")) {
            throw new UiError("sign-in as " + email + " failed: " + answer.statusCode() + " → " + to);
        }
        String path = URI.create(base).resolve(to).getPath();
        path = path.startsWith("/") ? path.substring(1) : path;
        load(path);
        return path;
    }

    // ---- user actions on components ----

    /** Clicks a component (a button, a link-like element): its DOM "click" event. */
    void click(UiTree.Node node) {
        send(rpcs(event(node.id, "click", eventData(node, "click", Map.of()))));
    }

    /**
     * Picks a value in a component that syncs a property on an event, as the browser does when a
     * person changes it: the property's new value, then the event.
     */
    void changeProperty(UiTree.Node node, String property, Object value, String eventName) {
        ArrayNode rpcs = NODES.arrayNode();
        rpcs.add(sync(node, property, value));
        rpcs.add(event(node.id, eventName, eventData(node, eventName, Map.of())));
        send(rpcs);
    }

    /**
     * Opens a combo box's dropdown: the connector asks the server for the first page of items
     * (with no filter) and the box reports that it is open.
     */
    void openComboBox(UiTree.Node combo) {
        ArrayNode rpcs = NODES.arrayNode();
        if (items.getOrDefault(combo.id, new TreeMap<>()).isEmpty() && combo.hasServerMethod("setViewportRange")) {
            rpcs.add(call(combo, "setViewportRange", 0, 50, ""));
        }
        rpcs.add(sync(combo, "opened", true));
        rpcs.add(event(combo.id, "opened-changed", NODES.objectNode()));
        send(rpcs);
    }

    /** @return the items the combo box or grid holds on the client (index → item with "key", "label", …) */
    NavigableMap<Integer, JsonNode> items(UiTree.Node node) {
        return items.getOrDefault(node.id, new TreeMap<>());
    }

    /** @return the item count the server announced for a grid or combo box */
    int size(UiTree.Node node) {
        return sizes.getOrDefault(node.id, 0);
    }

    /** @return the key of an item the open combo box received, by its label */
    String comboKey(UiTree.Node combo, String label) {
        return items(combo).values().stream().filter(item -> label.equals(item.path("label").asString()))
                .map(item -> item.path("key").asString()).findFirst()
                .orElseThrow(() -> new UiError("no item '" + label + "' in " + combo + ": " + items(combo).values()));
    }

    /** Picks an item of an open combo box: its key as the value, and the dropdown closes. */
    void chooseInComboBox(UiTree.Node combo, String key) {
        send(rpcs(sync(combo, "value", key), event(combo.id, "value-changed", NODES.objectNode()),
                sync(combo, "opened", false), event(combo.id, "opened-changed", NODES.objectNode())));
    }

    /**
     * Types a value the combo box does not list and presses Enter (custom value, e.g. a time):
     * the filter while typing, then the custom value, then the value change.
     */
    void typeCustomValue(UiTree.Node combo, String text) {
        send(rpcs(sync(combo, "filter", text), event(combo.id, "filter-changed", NODES.objectNode()),
                sync(combo, "opened", true), event(combo.id, "opened-changed", NODES.objectNode())));
        typedFilters.put(combo.id, text);
        ObjectNode detail = NODES.objectNode();
        detail.put("event.detail", text);
        send(rpcs(event(combo.id, "custom-value-set", detail), sync(combo, "filter", ""),
                event(combo.id, "filter-changed", NODES.objectNode()), sync(combo, "opened", false),
                event(combo.id, "opened-changed", NODES.objectNode())));
        // The combo box's value-changed follows when the server's answer sets the value.
        typedFilters.put(combo.id, "");
    }

    /**
     * Types into a text field whose server listener is a debounced "input" event (Vaadin's lazy or
     * timeout value change mode): the value and one trailing event.
     */
    void typeLazily(UiTree.Node field, String text) {
        ArrayNode rpcs = NODES.arrayNode();
        rpcs.add(sync(field, "value", text));
        rpcs.add(event(field.id, "input", eventData(field, "input", Map.of("for", "trailing"))));
        send(rpcs);
    }

    /**
     * Types text into a field whose "input" listener carries the text itself, debounced with
     * intermediate and trailing phases (e.g. the session report's draft): one event per debounce period
     * while typing, as the browser sends them.
     */
    void inputEvent(UiTree.Node field, String text, String phase) {
        send(rpcs(event(field.id, "input", eventData(field, "input", Map.of("event.target.value", text, "for", phase)))));
    }

    /** Leaves a field after typing (its value syncs on "change"), then clicks a button — one request, as the browser batches them. */
    void changeAndClick(UiTree.Node field, String value, UiTree.Node button) {
        send(rpcs(sync(field, "value", value), event(field.id, "change", NODES.objectNode()),
                event(button.id, "click", eventData(button, "click", Map.of()))));
    }

    /** Scrolls a lazy grid: the connector asks for the rows of the new viewport. */
    void scrollGrid(UiTree.Node grid, int first, int count) {
        send(rpcs(call(grid, "setViewportRange", first, count)));
    }

    /** Clicks a sortable column header of a grid (sort ascending by it). */
    void sortGrid(UiTree.Node grid, String header, String direction) {
        String path = sorterPaths.getOrDefault(grid.id, Map.of()).get(header);
        if (path == null) {
            throw new UiError("grid " + grid + " has no sortable column '" + header + "'");
        }
        ArrayNode sorters = NODES.arrayNode();
        ObjectNode sorter = sorters.addObject();
        sorter.put("path", path);
        sorter.put("direction", direction);
        send(rpcs(call(grid, "sortersChanged", sorters)));
    }

    /** Clicks a row of a grid in single-selection mode: it is selected and the row click goes to the server. */
    void clickGridRow(UiTree.Node grid, String itemKey) {
        ObjectNode detail = NODES.objectNode();
        for (String expression : expressions(grid, "item-click")) {
            switch (expression) {
                case "event.detail.itemKey" -> detail.put(expression, itemKey);
                case "event.detail.internalColumnId" -> detail.put(expression, "col0");
                default -> put(detail, expression, defaultValue(expression));
            }
        }
        send(rpcs(call(grid, "select", itemKey), call(grid, "setDetailsVisible", itemKey),
                event(grid.id, "item-click", detail)));
    }

    /** Downloads what a link points at (e.g. a PDF behind an anchor with a download handler). */
    int download(String href) {
        HttpResponse<String> answer = get(href.startsWith("/") ? href : "/" + href);
        if (answer.statusCode() != 200) {
            throw new UiError("download of " + href + " answered " + answer.statusCode());
        }
        return answer.body().length();
    }

    // ---- finding things ----

    UiTree.Node byId(String id) {
        return tree.byId(id).orElseThrow(() -> new UiError("no element #" + id + " on the page"));
    }

    Optional<UiTree.Node> findById(String id) {
        return tree.byId(id);
    }

    /** @return the first element of that tag inside {@code container} (e.g. the combo box of a custom field) */
    UiTree.Node inside(UiTree.Node container, String tag) {
        return tree.findUnder(container, n -> tag.equals(n.tag())).stream().findFirst()
                .orElseThrow(() -> new UiError("no <" + tag + "> inside " + container));
    }

    /** @return the button (or other element of that tag) whose text is {@code text} */
    UiTree.Node byText(String tag, String text) {
        return tree.find(n -> tag.equals(n.tag()) && text.equals(tree.textOf(n).strip()))
                .orElseThrow(() -> new UiError("no <" + tag + "> '" + text + "' on the page"));
    }

    /** @return whether a component is disabled (the property or attribute the server set) */
    boolean disabled(UiTree.Node node) {
        JsonNode property = node.property("disabled");
        return property != null && property.asBoolean(false) || node.attribute("disabled") != null;
    }

    // ---- the protocol ----

    private static ArrayNode rpcs(ObjectNode... rpcs) {
        ArrayNode array = NODES.arrayNode();
        for (ObjectNode rpc : rpcs) {
            array.add(rpc);
        }
        return array;
    }

    private static ObjectNode event(int node, String name, ObjectNode data) {
        ObjectNode rpc = NODES.objectNode();
        rpc.put("type", "event");
        rpc.put("node", node);
        rpc.put("event", name);
        if (data != null) {
            rpc.set("data", data);
        }
        return rpc;
    }

    private ObjectNode sync(UiTree.Node node, String property, Object value) {
        ObjectNode rpc = NODES.objectNode();
        rpc.put("type", "mSync");
        rpc.put("node", node.id);
        rpc.put("feature", UiTree.PROPERTIES);
        rpc.put("property", property);
        JsonNode json = JSON.valueToTree(value);
        rpc.set("value", json);
        // The client now holds this value: the server echoing it back is no change.
        node.map(UiTree.PROPERTIES).put(property, json);
        return rpc;
    }

    /** A {@code $server} method call ({@code @ClientCallable}), with the promise id the browser counts per element. */
    private ObjectNode call(UiTree.Node node, String method, Object... arguments) {
        ObjectNode rpc = NODES.objectNode();
        rpc.put("type", "publishedEventHandler");
        rpc.put("node", node.id);
        rpc.put("templateEventMethodName", method);
        ArrayNode args = rpc.putArray("templateEventMethodArgs");
        for (Object argument : arguments) {
            args.add(argument instanceof JsonNode json ? json : JSON.valueToTree(argument));
        }
        rpc.put("promise", promises.merge(node.id, 1, Integer::sum) - 1);
        return rpc;
    }

    /** @return the event data the browser sends for a listener: each expression the server asked for */
    private ObjectNode eventData(UiTree.Node node, String event, Map<String, Object> known) {
        ObjectNode data = NODES.objectNode();
        for (String expression : expressions(node, event)) {
            put(data, expression, known.containsKey(expression) ? known.get(expression) : defaultValue(expression));
        }
        known.forEach((key, value) -> {
            if (!data.has(key)) {
                put(data, key, value);
            }
        });
        return data;
    }

    private List<String> expressions(UiTree.Node node, String event) {
        JsonNode settings = tree.listener(node, event);
        List<String> expressions = new ArrayList<>();
        if (settings != null) {
            for (String key : settings.propertyNames()) {
                if (!key.startsWith("}") && !key.startsWith("]")) {
                    expressions.add(key);
                }
            }
        }
        return expressions;
    }

    /** @return what the browser's evaluation of an event-data expression gives in an ordinary click */
    private static Object defaultValue(String expression) {
        if (expression.matches("\\d+")) {
            return Integer.parseInt(expression); // a debounce filter expression such as "1"
        }
        if (expression.endsWith("Key")) {
            return Boolean.FALSE;
        }
        if (expression.endsWith(".detail")) {
            return 1;
        }
        if (expression.endsWith(".button")) {
            return 0;
        }
        if (expression.endsWith("X") || expression.endsWith("Y")) {
            return ThreadLocalRandom.current().nextInt(100, 800);
        }
        return null;
    }

    private static void put(ObjectNode data, String key, Object value) {
        data.set(key, value == null ? NODES.nullNode() : JSON.valueToTree(value));
    }

    /** Sends one UIDL message and then whatever the browser sends by itself in answer to the response. */
    private void send(ArrayNode rpcs) {
        ArrayNode next = rpcs;
        for (int round = 0; round < 12 && next != null && !next.isEmpty(); round++) {
            next = exchangeUidl(next);
        }
    }

    private ArrayNode exchangeUidl(ArrayNode rpcs) {
        ObjectNode message = NODES.objectNode();
        message.put("csrfToken", securityKey);
        message.set("rpc", rpcs);
        message.put("syncId", syncId);
        message.put("clientId", clientId);
        String body = message.toString();
        if (trace != null) {
            trace.accept("→ " + abbreviate(body));
        }
        HttpResponse<String> answer = exchange(HttpRequest.newBuilder(uri("/?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        clientId++;
        if (answer.statusCode() != 200) {
            throw new UiError("UIDL request answered HTTP " + answer.statusCode() + ": " + abbreviate(answer.body()));
        }
        String text = answer.body();
        if (text.startsWith("for(;;);")) {
            text = text.substring("for(;;);".length());
        }
        JsonNode response = JSON.readTree(text);
        if (response.isArray()) {
            response = response.get(0);
        }
        if (trace != null) {
            trace.accept("← " + abbreviate(text));
        }
        return process(response, true);
    }

    /**
     * Applies a response to the tree and works out what the browser sends next by itself.
     *
     * @return the follow-up messages (empty when none)
     */
    private ArrayNode process(JsonNode response, boolean checkIds) {
        JsonNode meta = response.path("meta");
        for (JsonNode invocation : response.path("execute")) {
            // A page change the server asks for (e.g. after logging out: the login page).
            String script = invocation.get(invocation.size() - 1).asString();
            if (script.contains("vaadin-redirect-pending") && invocation.size() >= 2
                    && "_self".equals(invocation.get(1).asString(""))) {
                String path = URI.create(base + "/").resolve(invocation.get(0).asString()).getPath();
                load(path.startsWith("/") ? path.substring(1) : path);
                return NODES.arrayNode();
            }
        }
        if (meta.has("sessionExpired")) {
            throw new UiError("session expired");
        }
        if (meta.has("appError")) {
            throw new UiError("application error: " + abbreviate(meta.get("appError").toString()));
        }
        if (response.has("redirect")) {
            String url = response.path("redirect").path("url").asString();
            String path = URI.create(base + "/").resolve(url).getPath();
            load(path.startsWith("/") ? path.substring(1) : path);
            return NODES.arrayNode();
        }
        if (checkIds && response.has("clientId") && response.get("clientId").asInt() != clientId) {
            throw new UiError("out of sync: the server expected client message " + response.get("clientId").asInt()
                    + ", this tab sent " + (clientId - 1));
        }
        if (response.has("syncId")) {
            syncId = response.get("syncId").asInt();
        }
        // Values the client held before this response, to tell which puts change what a component shows.
        Map<Integer, Map<String, JsonNode>> before = new HashMap<>();
        for (JsonNode change : response.path("changes")) {
            if ("put".equals(change.path("type").asString()) && change.path("feat").asInt() == UiTree.PROPERTIES) {
                UiTree.Node node = tree.get(change.path("node").asInt());
                if (node != null) {
                    before.computeIfAbsent(node.id, id -> new HashMap<>()).putIfAbsent(change.path("key").asString(),
                            node.property(change.path("key").asString()));
                }
            }
        }
        List<Integer> attached = new ArrayList<>();
        List<Object[]> puts = new ArrayList<>();
        tree.apply(response, attached, puts);

        ArrayNode events = NODES.arrayNode();
        ArrayNode syncs = NODES.arrayNode();
        ArrayNode calls = NODES.arrayNode();
        ArrayNode later = NODES.arrayNode();
        for (int id : attached) {
            UiTree.Node node = tree.get(id);
            if (node == null) {
                continue;
            }
            for (Notify notify : notifying(node)) {
                if (!node.listensTo(notify.event())) {
                    continue;
                }
                events.add(event(id, notify.event(), NODES.objectNode()));
                JsonNode known = node.property(notify.property());
                if (notify.initial() != null && (known == null || !known.equals(JSON.valueToTree(notify.initial())))) {
                    syncs.add(sync(node, notify.property(), notify.initial()));
                }
            }
            if ("vaadin-tabs".equals(node.tag()) && node.hasServerMethod("updateSelectedTab")) {
                calls.add(call(node, "updateSelectedTab", true));
            }
            if ("vaadin-notification".equals(node.tag())) {
                String theme = node.attribute("theme");
                if (theme != null && theme.contains("error")) {
                    pageErrors.add("error notification: " + abbreviate(tree.textOf(node) + " " + response));
                }
                JsonNode duration = node.property("duration");
                JsonNode opened = node.property("opened");
                if (opened != null && opened.asBoolean() && duration != null && duration.asDouble() > 0) {
                    timers.add(new Timer(System.nanoTime() + (long) (duration.asDouble() * 1_000_000L), id,
                            "notification", 0));
                }
            }
        }
        for (Object[] put : puts) {
            int id = (Integer) put[0];
            String key = (String) put[1];
            UiTree.Node node = tree.get(id);
            if (node == null || attached.contains(id)) {
                continue;
            }
            JsonNode old = before.getOrDefault(id, Map.of()).get(key);
            JsonNode now = node.property(key);
            // A property never set before holds the component's default ("" or false): setting that is no change.
            boolean changed = old == null ? now != null && !now.isNull() && !"".equals(now.asString(""))
                    && !(now.isBoolean() && !now.asBoolean()) : !old.equals(now);
            if ("vaadin-dialog".equals(node.tag()) && "opened".equals(key) && now != null && !now.asBoolean()
                    && changed && node.listensTo("closed")) {
                later.add(event(id, "closed", null));
            }
            if (changed) {
                for (Notify notify : notifying(node)) {
                    if (notify.property().equals(key) && node.listensTo(notify.event())) {
                        events.add(event(id, notify.event(), NODES.objectNode()));
                    }
                }
            }
        }
        for (JsonNode invocation : response.path("execute")) {
            execute(invocation, calls);
        }
        UiTree.Node root = tree.get(1);
        if (root != null) {
            JsonNode poll = root.map(UiTree.POLL).get("pollInterval");
            timers.removeIf(t -> t.kind().equals("poll"));
            if (poll != null && poll.asInt() > 0) {
                timers.add(new Timer(System.nanoTime() + poll.asLong() * 1_000_000L, 1, "poll", poll.asLong()));
            }
        }
        ArrayNode all = NODES.arrayNode();
        all.addAll(events);
        all.addAll(syncs);
        all.addAll(calls);
        if (all.isEmpty()) {
            return later;
        }
        // The dialog's "closed" comes after its closing animation: a message of its own, after the others.
        if (!later.isEmpty()) {
            timers.add(new Timer(System.nanoTime(), later.get(0).path("node").asInt(), "closed", 0));
        }
        return all;
    }

    /** Handles one JavaScript invocation of the response as the page's connectors would. */
    private void execute(JsonNode invocation, ArrayNode calls) {
        int last = invocation.size() - 1;
        String script = invocation.get(last).asString();
        List<JsonNode> parameters = new ArrayList<>();
        for (int i = 0; i < last; i++) {
            parameters.add(invocation.get(i));
        }
        int node = -1;
        for (JsonNode parameter : parameters) {
            if (parameter.has("@v-node")) {
                node = parameter.get("@v-node").asInt();
                break;
            }
        }
        if (script.contains("$connector.setHeaderRenderer(")) {
            int grid = parameters.get(parameters.size() - 1).path("@v-node").asInt();
            if (parameters.get(2).asBoolean(false) && parameters.get(3).isString()) {
                sorterPaths.computeIfAbsent(grid, g -> new HashMap<>()).put(parameters.get(1).asString(),
                        parameters.get(3).asString());
            }
        } else if (script.contains("$connector.set(")) {
            int index = parameters.get(1).asInt();
            JsonNode rows = parameters.get(2);
            NavigableMap<Integer, JsonNode> held = items.computeIfAbsent(node, n -> new TreeMap<>());
            for (int i = 0; i < rows.size(); i++) {
                held.put(index + i, rows.get(i));
            }
        } else if (script.contains("$connector.updateSize(")) {
            sizes.put(node, parameters.get(1).asInt());
        } else if (script.contains("$connector.clear(")) {
            int start = parameters.get(1).asInt();
            int length = parameters.get(2).asInt();
            NavigableMap<Integer, JsonNode> held = items.get(node);
            if (held != null) {
                held.subMap(start, true, start + length, false).clear();
            }
        } else if (script.contains("$connector.reset()")) {
            UiTree.Node element = tree.get(node);
            if (element != null && "vaadin-combo-box".equals(element.tag())) {
                items.remove(node);
                typedFilters.put(node, "");
            }
        } else if (script.contains("$connector.confirm(")) {
            UiTree.Node element = tree.get(node);
            if (element == null) {
                return;
            }
            if ("vaadin-combo-box".equals(element.tag())) {
                // The combo box confirms only a batch for the filter it last asked with.
                JsonNode filter = parameters.size() > 2 ? parameters.get(2) : NODES.nullNode();
                if (filter.isString() && filter.asString().equals(typedFilters.getOrDefault(node, ""))) {
                    calls.add(call(element, "confirmUpdate", parameters.get(1).asInt()));
                }
            } else {
                calls.add(call(element, "confirmUpdate", parameters.get(1).asInt()));
            }
        } else if (script.startsWith("try{Promise.resolve(") && parameters.size() >= 2
                && parameters.get(parameters.size() - 2).has("@v-return")) {
            // The server awaits this script's result: the browser answers on the success channel.
            JsonNode channel = parameters.get(parameters.size() - 2).get("@v-return");
            ObjectNode rpc = NODES.objectNode();
            rpc.put("type", "channel");
            rpc.put("node", channel.get(0).asInt());
            rpc.put("channel", channel.get(1).asInt());
            rpc.putArray("args").addNull();
            calls.add(rpc);
        }
    }

    /** Does what a timer stands for: a notification closes, the UI polls, a dialog reports it closed. */
    private void fire(Timer timer) {
        if (!tree.exists(timer.node())) {
            return;
        }
        Recorder.Interaction outer = interaction;
        Recorder.Interaction background = outer != null ? outer : recorder.begin(Recorder.BACKGROUND);
        interaction = background;
        try {
            UiTree.Node node = tree.get(timer.node());
            switch (timer.kind()) {
                case "notification" -> {
                    send(rpcs(sync(node, "opened", false), event(node.id, "opened-changed", NODES.objectNode())));
                    if (tree.exists(node.id) && node.listensTo("closed")) {
                        send(rpcs(event(node.id, "closed", null)));
                    }
                }
                case "closed" -> send(rpcs(event(node.id, "closed", null)));
                case "poll" -> {
                    send(rpcs(event(1, "ui-poll", null)));
                    if (timer.repeatMillis() > 0 && timers.stream().noneMatch(t -> t.kind().equals("poll"))) {
                        timers.add(new Timer(System.nanoTime() + timer.repeatMillis() * 1_000_000L, 1, "poll",
                                timer.repeatMillis()));
                    }
                }
                default -> throw new IllegalStateException(timer.kind());
            }
            if (outer == null) {
                background.done();
            }
        } catch (RuntimeException failure) {
            if (outer == null) {
                background.failed(failure.getClass().getSimpleName() + ": " + failure.getMessage());
            }
            throw failure;
        } finally {
            interaction = outer;
        }
    }

    /** Sends the pending timers due now (e.g. a dialog's "closed" right after it closed). */
    void settle() {
        long now = System.nanoTime();
        for (Iterator<Timer> it = new ArrayList<>(timers).iterator(); it.hasNext();) {
            Timer timer = it.next();
            if (timer.dueNanos() <= now) {
                timers.remove(timer);
                fire(timer);
            }
        }
    }

    private void heartbeat() {
        nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
        Recorder.Interaction background = recorder.begin(Recorder.BACKGROUND);
        Recorder.Interaction outer = interaction;
        interaction = background;
        try {
            HttpResponse<String> answer = exchange(HttpRequest.newBuilder(uri("/?v-r=heartbeat&v-uiId=" + uiId))
                    .header("Content-Type", "text/plain;charset=utf-8").POST(HttpRequest.BodyPublishers.noBody()));
            if (answer.statusCode() != 200) {
                background.failed("heartbeat answered " + answer.statusCode());
            } else {
                background.done();
            }
        } finally {
            interaction = outer;
        }
    }

    // ---- HTTP ----

    private HttpResponse<String> get(String pathAndQuery) {
        HttpResponse<String> answer = exchange(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
        if (answer.statusCode() == 302) {
            String to = answer.headers().firstValue("Location").orElseThrow();
            return exchange(HttpRequest.newBuilder(URI.create(base + "/").resolve(to)).GET());
        }
        if (answer.statusCode() != 200) {
            throw new UiError("GET " + pathAndQuery + " answered " + answer.statusCode());
        }
        return answer;
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=')
                    .append(value));
            request.header("Cookie", header.toString());
        }
        request.header("Accept-Language", "en-US").timeout(Duration.ofSeconds(60));
        long start = System.nanoTime();
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UiError("HTTP " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UiError("interrupted", e);
        }
        double millis = (System.nanoTime() - start) / 1_000_000.0;
        if (interaction != null) {
            interaction.roundTrip(millis, answer.body().length());
        }
        for (String setCookie : answer.headers().allValues("Set-Cookie")) {
            String[] parts = setCookie.split(";");
            int equals = parts[0].indexOf('=');
            String name = parts[0].substring(0, equals).strip();
            String value = parts[0].substring(equals + 1).strip();
            boolean expired = setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
            if (expired || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
                httpOnlyCookies.put(name, setCookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"));
            }
        }
        return answer;
    }

    private URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static int LIMIT = Integer.getInteger("loadtest.trace-limit", 600);

    static String abbreviate(String text) {
        return text.length() <= LIMIT ? text : text.substring(0, LIMIT) + "… (" + text.length() + " chars)";
    }
}
