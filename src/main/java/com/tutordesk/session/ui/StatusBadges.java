package com.tutordesk.session.ui;

import com.tutordesk.session.SessionStatus;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.Locale;
import java.util.function.Function;

/**
 * A session's status as a coloured badge in a grid cell ({@code .status-badge.status-completed} in
 * styles.css), drawn by the browser from two properties of the row. A component per row (a
 * {@code Span} through a component column) cost two state nodes per rendered row, held in server
 * memory for every open list: about 100 of the Sessions page's 200 nodes at 50 rows (issue 20).
 */
final class StatusBadges {

    private StatusBadges() {
    }

    /** @return a renderer of the status that {@code status} reads from a row (its label is escaped by Lit) */
    static <T> LitRenderer<T> renderer(Function<T, SessionStatus> status) {
        return LitRenderer.<T>of("<span class=\"status-badge status-${item.statusKey}\">${item.status}</span>")
                .withProperty("statusKey", row -> status.apply(row).name().toLowerCase(Locale.ROOT))
                .withProperty("status", row -> status.apply(row).label());
    }
}
