package com.tutordesk.loadtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The client's copy of one Vaadin UI's state tree, kept up to date from the {@code changes} of each
 * UIDL response exactly as Flow's browser client applies them ({@code attach}, {@code detach},
 * {@code put}, {@code remove}, {@code splice}, {@code clear} per node feature), so that a virtual user
 * finds components the way a person does — by id, tag, text — and sends events to their node ids.
 *
 * <p>Node features (Flow's {@code NodeFeatures}): 0 element data (tag, visibility), 1 properties,
 * 2 children, 3 attributes, 4 DOM event listeners (event → hash of its settings in
 * {@code constants}), 7 text node, 8 poll interval, 11 class list, 19 {@code $server} methods,
 * 24 virtual children (overlays such as dialogs).
 */
final class UiTree {

    static final int ELEMENT_DATA = 0;
    static final int PROPERTIES = 1;
    static final int CHILDREN = 2;
    static final int ATTRIBUTES = 3;
    static final int LISTENERS = 4;
    static final int TEXT = 7;
    static final int POLL = 8;
    static final int CLASS_LIST = 11;
    static final int SERVER_METHODS = 19;
    static final int VIRTUAL_CHILDREN = 24;

    /** One node: its maps (feature → key → value) and lists (feature → items). */
    static final class Node {
        final int id;
        final Map<Integer, Map<String, JsonNode>> maps = new HashMap<>();
        final Map<Integer, List<Object>> lists = new HashMap<>();
        /** Parent through a children or virtual-children list; -1 for the root or a detached node. */
        int parent = -1;

        Node(int id) {
            this.id = id;
        }

        Map<String, JsonNode> map(int feature) {
            return maps.computeIfAbsent(feature, f -> new LinkedHashMap<>());
        }

        List<Object> list(int feature) {
            return lists.computeIfAbsent(feature, f -> new ArrayList<>());
        }

        String tag() {
            JsonNode tag = map(ELEMENT_DATA).get("tag");
            return tag == null ? null : tag.asString();
        }

        /** @return the property's value as the server last set it (null when never set) */
        JsonNode property(String name) {
            return map(PROPERTIES).get(name);
        }

        String attribute(String name) {
            JsonNode value = map(ATTRIBUTES).get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            // A resource attribute (e.g. a download link's href) comes as {"uri": "VAADIN/dynamic/…"}.
            return value.isObject() ? value.path("uri").asString(null) : value.asString();
        }

        String text() {
            JsonNode text = map(TEXT).get("text");
            return text == null ? null : text.asString();
        }

        boolean listensTo(String event) {
            return map(LISTENERS).containsKey(event);
        }

        boolean hasServerMethod(String name) {
            return list(SERVER_METHODS).contains(name);
        }

        boolean visible() {
            JsonNode visible = map(ELEMENT_DATA).get("visible");
            return visible == null || visible.asBoolean(true);
        }

        @SuppressWarnings("unchecked")
        List<Integer> children() {
            List<Integer> all = new ArrayList<>();
            for (Object child : list(CHILDREN)) {
                all.add((Integer) child);
            }
            for (Object child : list(VIRTUAL_CHILDREN)) {
                all.add((Integer) child);
            }
            return all;
        }

        @Override
        public String toString() {
            return "node " + id + " <" + tag() + (attribute("id") == null ? "" : " id=" + attribute("id")) + ">";
        }
    }

    private final Map<Integer, Node> nodes = new HashMap<>();
    /** Listener settings by hash (the response's {@code constants}): which properties sync, debounce. */
    private final Map<String, JsonNode> constants = new HashMap<>();

    /**
     * Applies one response's constants and changes.
     *
     * @param attached receives the ids of nodes attached by these changes
     * @param puts     receives every property put, as {node, key} (for client reactions such as
     *                 a dialog closing)
     */
    void apply(JsonNode response, List<Integer> attached, List<Object[]> puts) {
        JsonNode newConstants = response.path("constants");
        for (var entry : newConstants.properties()) {
            constants.put(entry.getKey(), entry.getValue());
        }
        for (JsonNode change : response.path("changes")) {
            int id = change.path("node").asInt();
            String type = change.path("type").asString();
            switch (type) {
                case "attach" -> {
                    node(id);
                    attached.add(id);
                }
                case "detach" -> nodes.remove(id);
                case "put" -> {
                    Node node = node(id);
                    int feature = change.path("feat").asInt();
                    JsonNode value = change.has("nodeValue") ? change.get("nodeValue") : change.get("value");
                    String key = change.path("key").asString();
                    node.map(feature).put(key, value);
                    if (feature == PROPERTIES) {
                        puts.add(new Object[] {id, key});
                    }
                }
                case "remove" -> node(id).map(change.path("feat").asInt()).remove(change.path("key").asString());
                case "clear" -> node(id).list(change.path("feat").asInt()).clear();
                case "splice" -> splice(node(id), change);
                default -> {
                    // "empty": nothing to apply
                }
            }
        }
    }

    private void splice(Node node, JsonNode change) {
        int feature = change.path("feat").asInt();
        List<Object> list = node.list(feature);
        int index = change.path("index").asInt();
        int remove = change.path("remove").asInt(0);
        for (int i = 0; i < remove && index < list.size(); i++) {
            list.remove(index);
        }
        List<Object> added = new ArrayList<>();
        if (change.has("addNodes")) {
            for (JsonNode child : change.get("addNodes")) {
                int childId = child.asInt();
                added.add(childId);
                node(childId).parent = node.id;
            }
        } else {
            for (JsonNode value : change.path("add")) {
                added.add(value.isString() ? value.asString() : value);
            }
        }
        list.addAll(Math.min(index, list.size()), added);
    }

    private Node node(int id) {
        return nodes.computeIfAbsent(id, Node::new);
    }

    Node get(int id) {
        return nodes.get(id);
    }

    boolean exists(int id) {
        return nodes.containsKey(id);
    }

    JsonNode constant(String hash) {
        return constants.get(hash);
    }

    /** @return the settings of the node's listener for {@code event} (synced properties, debounce), or null */
    JsonNode listener(Node node, String event) {
        JsonNode hash = node.map(LISTENERS).get(event);
        return hash == null ? null : constants.get(hash.asString());
    }

    /** @return whether the node is attached under the UI's root (node 1), not a leftover of an old view */
    boolean inDocument(Node node) {
        Node at = node;
        for (int depth = 0; at != null && depth < 200; depth++) {
            if (at.id == 1) {
                return true;
            }
            at = at.parent < 0 ? null : nodes.get(at.parent);
        }
        return false;
    }

    /** @return the node with this element id attribute, if it is in the document */
    Optional<Node> byId(String elementId) {
        return find(node -> elementId.equals(node.attribute("id")));
    }

    /** @return the first node in the document matching {@code test}, in document order */
    Optional<Node> find(Predicate<Node> test) {
        return findAll(test).stream().findFirst();
    }

    /** @return every node in the document matching {@code test}, in document order */
    List<Node> findAll(Predicate<Node> test) {
        List<Node> found = new ArrayList<>();
        Node root = nodes.get(1);
        if (root != null) {
            collect(root, test, found, 0);
        }
        return found;
    }

    /** @return every node under {@code from} (itself included) matching {@code test}, in document order */
    List<Node> findUnder(Node from, Predicate<Node> test) {
        List<Node> found = new ArrayList<>();
        collect(from, test, found, 0);
        return found;
    }

    private void collect(Node node, Predicate<Node> test, List<Node> found, int depth) {
        if (depth > 200) {
            return;
        }
        if (test.test(node)) {
            found.add(node);
        }
        for (int child : node.children()) {
            Node childNode = nodes.get(child);
            if (childNode != null) {
                collect(childNode, test, found, depth + 1);
            }
        }
    }

    /** @return the text of the node's descendant text nodes, concatenated */
    String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        for (Node each : findUnder(node, n -> n.text() != null)) {
            text.append(each.text());
        }
        return text.toString();
    }

    int size() {
        return nodes.size();
    }

    /**
     * @return how many nodes of each kind the UI holds, most first: "tag" for elements, "#text in tag"
     *         for text nodes (by their parent's tag), "(no tag)" for the rest (e.g. a renderer's or a
     *         data communicator's node) — where the server's per-UI memory goes (issue 20)
     */
    String census() {
        Map<String, Integer> counts = new HashMap<>();
        for (Node node : nodes.values()) {
            String kind;
            if (node.text() != null) {
                Node parent = node.parent < 0 ? null : nodes.get(node.parent);
                kind = "#text in " + (parent == null ? "?" : parent.tag());
            } else {
                kind = node.tag() == null ? "(no tag)" : node.tag();
            }
            counts.merge(kind, 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder(nodes.size() + " nodes\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.append(String.format(java.util.Locale.ROOT, "%5d  %s%n", e.getValue(), e.getKey())));
        // Each DOM event listener costs server memory (its wrapper and its settings), so list them too.
        Map<String, Integer> listeners = new HashMap<>();
        Map<String, Integer> serverMethods = new HashMap<>();
        for (Node node : nodes.values()) {
            String tag = node.tag() == null ? "(no tag)" : node.tag();
            for (String event : node.map(LISTENERS).keySet()) {
                listeners.merge(tag + " " + event, 1, Integer::sum);
            }
            serverMethods.merge(tag, node.list(SERVER_METHODS).size(), Integer::sum);
        }
        out.append(listeners.values().stream().mapToInt(Integer::intValue).sum()).append(" DOM event listeners\n");
        listeners.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.append(String.format(java.util.Locale.ROOT, "%5d  %s%n", e.getValue(), e.getKey())));
        out.append(serverMethods.values().stream().mapToInt(Integer::intValue).sum()).append(" $server methods\n");
        serverMethods.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.append(String.format(java.util.Locale.ROOT, "%5d  %s%n", e.getValue(), e.getKey())));
        return out.toString();
    }
}
