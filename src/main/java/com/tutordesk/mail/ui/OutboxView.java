package com.tutordesk.mail.ui;

import com.tutordesk.mail.MailOutbox;
import com.tutordesk.mail.MailState;
import com.tutordesk.mail.OutboxDelivery;
import com.tutordesk.mail.OutboxMessage;
import com.tutordesk.mail.OutboxMessageDetails;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Email outbox" (admins only): every outgoing email, newest first, with its state and why (held,
 * retrying, failed, withdrawn), a filter by state, the message's bodies and attachments, "Retry now",
 * and "Discard" for an email not sent yet (issue 12). The
 * filter and the open message are in the URL ({@code /outbox?state=FAILED&message=42}).
 */
@Route("outbox")
@PageTitle("Email outbox · Tutordesk")
@Menu(title = "Email outbox", order = 80, icon = "vaadin:envelopes-o")
@RolesAllowed("ADMIN")
class OutboxView extends Main implements BeforeEnterObserver {

    final ComboBox<MailState> stateFilter = new ComboBox<>("State");
    final Grid<OutboxMessage> grid = new Grid<>();
    final Paragraph serverHint = new Paragraph();
    Dialog details;
    Button retry;
    Button discard;
    IFrame html;

    private final MailOutbox outbox;
    private final BusinessProfile profile;
    private final Clock clock;
    private Long openMessageId;

    OutboxView(MailOutbox outbox, SettingsService settings, OutboxDelivery delivery, Clock clock) {
        this.outbox = outbox;
        this.profile = settings.profile();
        this.clock = clock;
        addClassName("outbox-view");

        stateFilter.setItems(MailState.values());
        stateFilter.setItemLabelGenerator(MailState::label);
        stateFilter.setPlaceholder("All states");
        stateFilter.setClearButtonVisible(true);
        stateFilter.addValueChangeListener(change -> {
            grid.getDataProvider().refreshAll();
            if (change.isFromClient()) {
                updateUrl();
            }
        });

        grid.addColumn(m -> profile.formatDateTime(m.createdAt())).setHeader("Created").setKey("created")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> String.join(", ", m.recipients())).setHeader("To").setKey("to").setFlexGrow(1);
        grid.addColumn(OutboxMessage::subject).setHeader("Subject").setKey("subject").setFlexGrow(2);
        grid.addComponentColumn(this::stateCell).setHeader("State").setKey("state").setFlexGrow(2);
        grid.addColumn(OutboxMessage::attempts).setHeader("Attempts").setKey("attempts").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(m -> m.sentAt() == null ? "" : profile.formatDateTime(m.sentAt())).setHeader("Sent at")
                .setKey("sentAt").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> related(m)).setHeader("Related record").setKey("related").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItemsPageable(pageable -> outbox.list(stateFilter.getValue(), pageable),
                pageable -> (int) Math.min(Integer.MAX_VALUE, outbox.count(stateFilter.getValue())));
        grid.addItemClickListener(click -> openDetails(click.getItem().id()));
        grid.setEmptyStateText("No emails");

        serverHint.addClassName("subtitle");
        serverHint.setText(delivery.mailServerConfigured()
                ? "Emails are sent after the change that caused them is saved; failed attempts are retried with"
                        + " growing pauses. Times in " + profile.zone().getId() + "."
                : "No mail server is configured (spring.mail.host): emails are kept here as held and sent once"
                        + " one is configured and the application restarted.");

        HorizontalLayout toolbar = new HorizontalLayout(stateFilter);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Email outbox"), serverHint, toolbar, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        stateFilter.setValue(first(parameters, "state").flatMap(OutboxView::parseState).orElse(null));
        first(parameters, "message").flatMap(OutboxView::parseId).ifPresent(this::openDetails);
    }

    private Component stateCell(OutboxMessage message) {
        Span badge = new Span(message.state().label());
        badge.addClassNames("mail-state", "mail-state-" + message.state().name().toLowerCase(Locale.ROOT));
        String reason = reasonWithTime(message);
        if (reason.isEmpty()) {
            return badge;
        }
        Span why = new Span(reason);
        why.addClassName("mail-state-reason");
        Div cell = new Div(badge, why);
        cell.addClassName("mail-state-cell");
        cell.getElement().setAttribute("title", reason);
        return cell;
    }

    private String reasonWithTime(OutboxMessage message) {
        String reason = message.reason();
        if (message.state() == MailState.RETRYING) {
            // A try that is due already is the next delivery pass's (seconds away, on any node): never a past time.
            reason += message.nextAttemptAt().isAfter(clock.instant())
                    ? " at " + profile.formatDateTime(message.nextAttemptAt()) : " in a few seconds";
        }
        return reason;
    }

    /** @return e.g. "Failed — Gave up after 10 attempts: …", or "Held: no mail server configured" */
    private String stateText(OutboxMessage message) {
        String reason = reasonWithTime(message);
        if (reason.isEmpty()) {
            return message.state().label();
        }
        if (reason.toLowerCase(Locale.ROOT).startsWith(message.state().label().toLowerCase(Locale.ROOT))) {
            return Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
        }
        return message.state().label() + " — " + reason;
    }

    private static String related(OutboxMessage message) {
        String type = message.reference().type().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(type.charAt(0)) + type.substring(1) + " #" + message.reference().id();
    }

    void openDetails(long id) {
        OutboxMessageDetails message;
        try {
            message = outbox.details(id);
        } catch (NotFoundException e) {
            Notification.show(e.getMessage(), 4000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        if (details != null) {
            details.close();
        }
        openMessageId = id;
        html = null;
        details = new Dialog();
        details.setHeaderTitle(message.message().subject());
        details.setWidth("min(56rem, 95vw)");
        details.addClassName("outbox-details");

        OutboxMessage summary = message.message();
        Div facts = new Div();
        facts.addClassName("outbox-facts");
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("From", message.senderName());
        rows.put("To", String.join(", ", summary.recipients()));
        rows.put("State", stateText(summary));
        rows.put("Attempts", String.valueOf(summary.attempts()));
        rows.put("Created", profile.formatDateTime(summary.createdAt()));
        rows.put("Sent at", summary.sentAt() == null ? "—" : profile.formatDateTime(summary.sentAt()));
        rows.put("Related record", related(summary));
        rows.put("Attachments", message.attachments().isEmpty() ? "none"
                : String.join(", ", message.attachments().stream()
                        .map(a -> a.fileName() + " (" + a.contentType() + ", " + formatSize(a.sizeBytes()) + ")")
                        .toList()));
        rows.forEach((label, value) -> {
            Span l = new Span(label);
            l.addClassName("outbox-fact-label");
            Span v = new Span(value);
            v.addClassName("outbox-fact-value");
            facts.add(l, v);
        });

        TabSheet bodies = new TabSheet();
        Pre text = new Pre(message.textBody());
        text.addClassName("outbox-text-body");
        bodies.add("Plain text", text);
        if (message.htmlBody() != null) {
            // Shown in a sandboxed frame (no scripts, no forms, no same-origin access) as a second guard.
            html = new IFrame();
            html.setSrcdoc(message.htmlBody());
            // An empty sandbox attribute is the strictest; IFrame.setSandbox() with no types drops it instead.
            html.getElement().setAttribute("sandbox", "");
            html.addClassName("outbox-html-body");
            bodies.add("HTML", html);
        }
        bodies.setWidthFull();

        details.add(facts, new H3("Message"), bodies);

        retry = new Button("Retry now", click -> retry(id));
        retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        retry.setVisible(summary.state().retryable());
        retry.setDisableOnClick(true);
        discard = new Button("Discard", click -> confirmDiscard(id));
        discard.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        discard.setVisible(summary.state().withdrawable());
        discard.setId("outbox-discard");
        Button close = new Button("Close", click -> details.close());
        details.getFooter().add(discard, close, retry);
        details.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                openMessageId = null;
                updateUrl();
            }
        });
        details.open();
        updateUrl();
    }

    void retry(long id) {
        act(() -> outbox.retryNow(id), message -> "Queued to be sent again", retry);
    }

    /** An admin's Discard (issue 12): an email not sent yet is never sent; the outbox keeps it as withdrawn. */
    void confirmDiscard(long id) {
        ConfirmDialog confirm = new ConfirmDialog("Discard this email?", "It will never be sent. The outbox keeps it,"
                + " marked as discarded by you.", "Discard", click -> discard(id), "Keep it", click -> { });
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    void discard(long id) {
        act(() -> outbox.discard(id), message -> "Email " + message.reason(), null);
    }

    /** Runs an action on one message, then shows it again (or why it was refused, turning {@code button} on). */
    private void act(java.util.function.Supplier<OutboxMessage> action,
            java.util.function.Function<OutboxMessage, String> done, Button button) {
        try {
            OutboxMessage message = action.get();
            Notification.show(done.apply(message), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            grid.getDataProvider().refreshAll();
            if (details != null) {
                details.close();
            }
            openDetails(message.id());
        } catch (RuleViolationException | NotFoundException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            if (button != null) {
                button.setEnabled(true);
            }
        }
    }

    private void updateUrl() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (stateFilter.getValue() != null) {
            parameters.put("state", stateFilter.getValue().name());
        }
        if (openMessageId != null) {
            parameters.put("message", openMessageId.toString());
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory()
                .replaceState(null, new Location("outbox", QueryParameters.simple(parameters))));
    }

    private static String formatSize(int bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    private static Optional<MailState> parseState(String value) {
        try {
            return Optional.of(MailState.valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
