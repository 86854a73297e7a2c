package com.tutordesk.session.ui;

import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.session.BillingState;
import com.tutordesk.session.DateRange;
import com.tutordesk.session.FilterChoice;
import com.tutordesk.session.ReportState;
import com.tutordesk.session.SessionFilter;
import com.tutordesk.session.SessionListService;
import com.tutordesk.session.SessionLoggingService;
import com.tutordesk.session.SessionRow;
import com.tutordesk.session.SessionService;
import com.tutordesk.session.SessionSort;
import com.tutordesk.session.SessionStatus;
import com.tutordesk.session.SessionTotals;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.ui.DateFields;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sessions list: every session the viewer may see, lazily loaded a page at a time, with filters
 * and sort kept in the URL (bookmark, share, reload), a count and (for admins) sums of the
 * filtered set, and a CSV export. Role rules are the service's; this view only hides columns the
 * service would have left empty.
 *
 * <p>It opens on the last 30 days, newest first (issue 12): today's sessions still to come are on
 * top, then yesterday's — the ones that need a report or an invoice — and the recent past. Sessions
 * further ahead are one click away ("Next 30 days"), everything under "All dates". Opening on all
 * dates, newest first, had put weeks of scheduled sessions above yesterday. After Log Session the
 * list shows the day (or days) of the new sessions, with them marked, so the person sees what was
 * saved whatever the filter was. Each row's date is a real link to the session (open in a new tab).
 */
@Route("sessions")
@PageTitle("Sessions · Tutordesk")
@Menu(title = "Sessions", order = 10, icon = "vaadin:calendar-clock")
@PermitAll
class SessionsView extends Main implements BeforeEnterObserver {

    static final String ALL_DATES = DateRange.Preset.ALL.label();
    static final String CUSTOM = "Custom dates";
    private static final String END_BEFORE_START = "The end date is before the start date";

    final ComboBox<String> datePreset = new ComboBox<>("Dates");
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final ComboBox<FilterChoice> tutor = new ComboBox<>("Tutor");
    final ComboBox<FilterChoice> client = new ComboBox<>("Client");
    final ComboBox<FilterChoice> student = new ComboBox<>("Student");
    final ComboBox<FilterChoice> subject = new ComboBox<>("Subject");
    // Combo boxes, not selects: a select keeps a server component per choice (two state nodes each,
    // ~50 per page for these four), a combo box sends its choices as data when opened (issue 20).
    final ComboBox<SessionStatus> status = new ComboBox<>("Status");
    final ComboBox<ReportState> report = new ComboBox<>("Report");
    final ComboBox<BillingState> billing = new ComboBox<>("Billing");
    final TextField search = new TextField("Search");
    final Button clearFilters = new Button("Clear filters");
    final Div notices = new Div();
    final Grid<SessionRow> grid = new Grid<>();
    final Span summary = new Span();
    final Anchor export;

    private final SessionListService sessions;
    private final SessionService sessionDetails;
    private final BusinessProfile profile;
    private final CurrentUser user;
    private final Clock clock;
    private final Map<SessionSort.Property, Grid.Column<SessionRow>> columns = new java.util.EnumMap<>(
            SessionSort.Property.class);

    private SessionListState state;
    /** Sessions just logged from this list, marked in the grid. */
    private java.util.Set<Long> justLogged = java.util.Set.of();
    private Long knownTotal;
    private boolean applyingState;

    final Button logSession = new Button("Log Session", VaadinIcon.PLUS.create());

    SessionsView(SessionListService sessions, SessionLoggingService logging, SessionService sessionDetails,
            SettingsService settings, CurrentUserService currentUsers, Clock clock) {
        this.sessions = sessions;
        this.sessionDetails = sessionDetails;
        this.profile = settings.profile();
        this.user = currentUsers.require();
        this.clock = clock;
        addClassName("sessions-view");

        // A link styled as one, not a button inside a link: one server node instead of four (issue 20),
        // and no button nested in a link for keyboards and screen readers.
        export = new Anchor(exportHandler(), "Export CSV");
        export.getElement().setAttribute("download", true);
        export.addClassName("sessions-export");

        logSession.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        logSession.setId("log-session");
        state = SessionListState.defaults(profile.today(clock));
        logSession.addClickListener(click -> new LogSessionDialog(logging, profile, user, clock, ids -> {
            Notifications.logged(ids);
            showLogged(ids);
        }).open());

        H2 title = new H2("Sessions");
        HorizontalLayout header = new HorizontalLayout(title, export, logSession);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.expand(title);
        header.addClassName("view-header");
        header.setWrap(true);

        notices.addClassName("url-notices");
        notices.setVisible(false);

        add(header, filterBar(), notices, configureGrid(), summary);
        summary.addClassName("sessions-summary");
    }

    // ---- filters ----

    private Component filterBar() {
        List<String> presets = new ArrayList<>();
        for (DateRange.Preset preset : DateRange.Preset.values()) {
            presets.add(preset.label());
        }
        presets.add(CUSTOM);
        datePreset.setItems(presets);
        datePreset.setValue(SessionListState.DEFAULT_PRESET.label());
        datePreset.setAllowCustomValue(false);
        datePreset.addValueChangeListener(e -> onPresetChosen());
        DateFields.configure(from, profile.locale());
        DateFields.configure(to, profile.locale());
        from.addValueChangeListener(e -> onDatesTyped());
        to.addValueChangeListener(e -> onDatesTyped());

        tutor.setItems(query -> sessions.tutorChoices(query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream());
        tutor.setItemLabelGenerator(FilterChoice::name);
        tutor.setVisible(user.isAdmin());
        client.setItems(query -> sessions.clientChoices(query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream());
        client.setItemLabelGenerator(FilterChoice::name);
        student.setItems(query -> sessions.studentChoices(query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream());
        student.setItemLabelGenerator(FilterChoice::name);
        subject.setItems(sessions.subjectChoices());
        subject.setItemLabelGenerator(FilterChoice::name);
        for (ComboBox<FilterChoice> box : List.of(tutor, client, student, subject)) {
            anyWhenEmpty(box);
        }

        status.setItems(SessionStatus.values());
        status.setItemLabelGenerator(SessionStatus::label);
        report.setItems(ReportState.values());
        report.setItemLabelGenerator(ReportState::label);
        billing.setItems(BillingState.values());
        billing.setItemLabelGenerator(BillingState::label);
        for (ComboBox<?> box : List.of(status, report, billing)) {
            anyWhenEmpty(box);
        }

        search.setPlaceholder("Student, client or tutor");
        search.setClearButtonVisible(true);
        search.setMaxLength(SessionFilter.TEXT_MAX_LENGTH);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> onFilterChanged());

        clearFilters.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clearFilters.addClickListener(e -> navigateTo(state.with(SessionFilter.NONE, DateRange.Preset.ALL,
                state.sort())));

        datePreset.setId("filter-dates");
        from.setId("filter-from");
        to.setId("filter-to");
        tutor.setId("filter-tutor");
        client.setId("filter-client");
        student.setId("filter-student");
        subject.setId("filter-subject");
        status.setId("filter-status");
        report.setId("filter-report");
        billing.setId("filter-billing");
        search.setId("filter-search");
        Div bar = new Div(datePreset, from, to, tutor, client, student, subject, status, report, billing, search,
                clearFilters);
        bar.addClassName("filter-bar");
        return bar;
    }

    /** A filter box whose empty value means "any": a clear button, "Any" shown while empty. */
    private void anyWhenEmpty(ComboBox<?> box) {
        box.setClearButtonVisible(true);
        box.setPlaceholder("Any");
        box.addValueChangeListener(e -> onFilterChanged());
    }

    private void onPresetChosen() {
        if (applyingState) {
            return;
        }
        String choice = datePreset.getValue();
        // Emptying the box (it has no clear button, but the text can be deleted) means no date limit.
        DateRange.Preset preset = choice == null ? DateRange.Preset.ALL : presetByLabel(choice);
        if (preset != null) {
            navigateTo(state.with(readFilter(preset.on(today())), preset, state.sort()));
        }
        // "Custom": the person picks the dates next.
    }

    private void onDatesTyped() {
        if (applyingState) {
            return;
        }
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        if (start != null && end != null && end.isBefore(start)) {
            to.setInvalid(true);
            to.setErrorMessage(END_BEFORE_START);
            return;
        }
        if (END_BEFORE_START.equals(to.getErrorMessage())) {
            to.setInvalid(false);
        }
        // Both dates cleared: every date (an address without dates opens on the last 30 days).
        navigateTo(state.with(readFilter(new DateRange(start, end)),
                start == null && end == null ? DateRange.Preset.ALL : null, state.sort()));
    }

    private void onFilterChanged() {
        if (applyingState) {
            return;
        }
        navigateTo(state.with(readFilter(state.filter().dates()), state.preset(), state.sort()));
    }

    private SessionFilter readFilter(DateRange dates) {
        return new SessionFilter(dates, id(tutor), id(client), id(student), id(subject), status.getValue(),
                report.getValue(), billing.getValue(), search.getValue());
    }

    private static Long id(ComboBox<FilterChoice> box) {
        return box.getValue() == null ? null : box.getValue().id();
    }

    private void navigateTo(SessionListState next) {
        UI.getCurrent().navigate(SessionsView.class, next.toQueryParameters());
    }

    // ---- URL → view ----

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SessionListState parsed = SessionListState.parse(event.getLocation().getQueryParameters(), today());
        List<String> messages = new ArrayList<>(parsed.notices());
        SessionFilter filter = parsed.filter();
        // Ids from the URL: an admin is told about an id that does not exist. A tutor is not (the
        // query already limits them to their own sessions, so another tutor's id simply matches
        // nothing, exactly like a missing one).
        filter = checkId(filter, SessionListService.ChoiceKind.TUTOR, filter.tutorId(), messages);
        filter = checkId(filter, SessionListService.ChoiceKind.CLIENT, filter.clientId(), messages);
        filter = checkId(filter, SessionListService.ChoiceKind.STUDENT, filter.studentId(), messages);
        filter = checkId(filter, SessionListService.ChoiceKind.SUBJECT, filter.subjectId(), messages);
        SessionSort sort = SessionListService.allowedSort(parsed.sort(), user);
        if (!sort.equals(parsed.sort())) {
            messages.add("Ignored sort by client amount: sorted by date, newest first.");
        }
        state = new SessionListState(filter, parsed.preset(), sort, List.copyOf(messages));
        // The session page's "← Sessions" returns to the list as the person left it.
        VaadinSession.getCurrent().setAttribute(LAST_QUERY, state.toQueryParameters().getQueryString());
        applyStateToComponents();
        showNotices(messages);
        knownTotal = null;
        grid.getDataProvider().refreshAll();
    }

    private SessionFilter checkId(SessionFilter filter, SessionListService.ChoiceKind kind, Long id,
            List<String> messages) {
        ComboBox<FilterChoice> box = switch (kind) {
            case TUTOR -> tutor;
            case CLIENT -> client;
            case STUDENT -> student;
            case SUBJECT -> subject;
        };
        Optional<FilterChoice> found = id == null ? Optional.empty() : sessions.choice(kind, id);
        applyingState = true;
        try {
            box.setValue(found.orElse(null));
        } finally {
            applyingState = false;
        }
        if (id == null || found.isPresent() || !user.isAdmin()) {
            return filter;
        }
        messages.add("Ignored " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + id + ": it does not exist.");
        return new SessionFilter(filter.dates(), kind == SessionListService.ChoiceKind.TUTOR ? null : filter.tutorId(),
                kind == SessionListService.ChoiceKind.CLIENT ? null : filter.clientId(),
                kind == SessionListService.ChoiceKind.STUDENT ? null : filter.studentId(),
                kind == SessionListService.ChoiceKind.SUBJECT ? null : filter.subjectId(), filter.status(),
                filter.report(), filter.billing(), filter.text());
    }

    private void applyStateToComponents() {
        applyingState = true;
        try {
            SessionFilter filter = state.filter();
            datePreset.setValue(state.preset() != null ? state.preset().label()
                    : filter.dates().from() == null && filter.dates().to() == null ? ALL_DATES : CUSTOM);
            // Only when it differs: setting the same (empty) value again would wipe text the field could not
            // read together with its message saying what to type (issue 12).
            if (!java.util.Objects.equals(from.getValue(), filter.dates().from())) {
                from.setValue(filter.dates().from());
            }
            if (!java.util.Objects.equals(to.getValue(), filter.dates().to())) {
                to.setValue(filter.dates().to());
            }
            if (END_BEFORE_START.equals(to.getErrorMessage())) {
                to.setInvalid(false);
            }
            status.setValue(filter.status());
            report.setValue(filter.report());
            billing.setValue(filter.billing());
            search.setValue(filter.text() == null ? "" : filter.text());
            Grid.Column<SessionRow> column = columns.get(state.sort().property());
            if (column == null) {
                column = columns.get(SessionSort.Property.DATE);
            }
            grid.sort(List.of(new GridSortOrder<>(column,
                    state.sort().ascending() ? SortDirection.ASCENDING : SortDirection.DESCENDING)));
        } finally {
            applyingState = false;
        }
    }

    private void showNotices(List<String> messages) {
        notices.removeAll();
        notices.setVisible(!messages.isEmpty());
        if (!messages.isEmpty()) {
            notices.add(new Paragraph("Some filters in the address could not be used:"));
            messages.forEach(m -> notices.add(new Paragraph(m)));
        }
    }

    // ---- grid ----

    private Grid<SessionRow> configureGrid() {
        grid.addClassName("sessions-grid");
        grid.setId("sessions-grid");
        grid.setMultiSort(false);
        // The rows a grid has sent stay in server memory while the page is open; a screenful is ~20 rows,
        // and the default page of 50 kept twice that for every open list (issue 20).
        grid.setPageSize(25);
        // A real link: the browser opens it in a new tab on a middle or Ctrl-click; a plain click is routed.
        columns.put(SessionSort.Property.DATE, grid.addColumn(LitRenderer.<SessionRow>of(
                        "<a class=\"session-link\" href=\"sessions/${item.id}\">${item.date}</a>")
                        .withProperty("id", SessionRow::id)
                        .withProperty("date", row -> profile.formatDateTime(row.startsAt())))
                .setHeader("Date").setKey("date").setAutoWidth(true).setFlexGrow(0));
        columns.put(SessionSort.Property.STUDENT, grid.addColumn(SessionRow::studentName).setHeader("Student")
                .setKey("student").setAutoWidth(true).setResizable(true));
        columns.put(SessionSort.Property.CLIENT, grid.addColumn(SessionRow::clientName).setHeader("Client")
                .setKey("client").setAutoWidth(true).setResizable(true));
        if (user.isAdmin()) {
            columns.put(SessionSort.Property.TUTOR, grid.addColumn(SessionRow::tutorName).setHeader("Tutor")
                    .setKey("tutor").setAutoWidth(true).setResizable(true));
        }
        columns.put(SessionSort.Property.SUBJECT, grid.addColumn(SessionRow::subjectName).setHeader("Subject")
                .setKey("subject").setAutoWidth(true).setResizable(true));
        columns.put(SessionSort.Property.DURATION, grid.addColumn(row -> BusinessProfile.formatDuration(
                row.durationMinutes())).setHeader("Duration").setKey("duration").setAutoWidth(true).setFlexGrow(0));
        columns.put(SessionSort.Property.STATUS, grid.addColumn(StatusBadges.renderer(SessionRow::status))
                .setHeader("Status").setKey("status").setWidth("10.5rem").setFlexGrow(0));
        grid.addColumn(row -> row.report().label()).setHeader("Report").setKey("report").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(SessionRow::billingText).setHeader("Billing").setKey("billing").setAutoWidth(true)
                .setFlexGrow(0);
        if (user.maySeeClientAmounts()) {
            columns.put(SessionSort.Property.CLIENT_AMOUNT, grid.addColumn(row -> profile.formatMoney(
                    row.clientAmountMinor())).setHeader("Client amount").setKey("client-amount").setAutoWidth(true)
                    .setFlexGrow(0).setTextAlign(ColumnTextAlign.END));
        }
        columns.put(SessionSort.Property.TUTOR_EARNINGS, grid.addColumn(row -> profile.formatMoney(
                row.tutorEarningsMinor())).setHeader("Tutor earnings").setKey("tutor-earnings").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END));
        columns.forEach((property, column) -> column.setSortable(true).setSortProperty(property.key()));

        Instant now = clock.instant();
        grid.setPartNameGenerator(row -> justLogged.contains(row.id()) ? "just-logged"
                : row.status().isCancelled() ? "cancelled" : null);
        // Upcoming sessions: their date stands out (a row tint would look like a selection).
        columns.get(SessionSort.Property.DATE).setPartNameGenerator(row -> row.upcoming(now) ? "upcoming" : null);
        grid.setItems(query -> sessions.fetch(state.filter(), sortOf(query.getSortOrders()), query.getOffset(),
                query.getLimit(), knownTotal).stream(), query -> {
                    SessionTotals totals = sessions.totals(state.filter());
                    knownTotal = totals.count();
                    showSummary(totals);
                    return totals.scrollableRows();
                });
        grid.addSortListener(event -> {
            if (event.isFromClient() && !applyingState) {
                navigateTo(state.with(state.filter(), state.preset(), sortOf(event.getSortOrder().stream()
                        .map(o -> new QuerySortOrder(o.getSorted().getKey(), o.getDirection())).toList())));
            }
        });
        grid.addItemClickListener(event -> UI.getCurrent().navigate("sessions/" + event.getItem().id()));

        Button clear = new Button("Clear filters", e -> clearFilters.click());
        Div empty = new Div(new Paragraph("No sessions match these filters"), clear);
        empty.addClassName("empty-state");
        grid.setEmptyStateComponent(empty);
        return grid;
    }

    /**
     * After Log Session: the list shows the days of the new sessions (all filters but the sort cleared)
     * with them marked, so they are in view whatever the list showed before.
     *
     * @param ids the new sessions, in date order
     */
    private void showLogged(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        LocalDate first = profile.local(sessionDetails.details(ids.getFirst()).startsAt()).toLocalDate();
        LocalDate last = profile.local(sessionDetails.details(ids.getLast()).startsAt()).toLocalDate();
        justLogged = java.util.Set.copyOf(ids);
        navigateTo(state.with(SessionFilter.NONE.withDates(new DateRange(first, last)), null, state.sort()));
        knownTotal = null;
        grid.getDataProvider().refreshAll();
    }

    /** @return the sessions marked as just logged (for tests) */
    java.util.Set<Long> justLogged() {
        return justLogged;
    }

    private static SessionSort sortOf(List<QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return SessionSort.NEWEST_FIRST;
        }
        QuerySortOrder order = orders.getFirst();
        SessionSort.Property property = SessionSort.Property.byKey(order.getSorted());
        return property == null ? SessionSort.NEWEST_FIRST
                : new SessionSort(property, order.getDirection() == SortDirection.ASCENDING);
    }

    private void showSummary(SessionTotals totals) {
        String text = String.format(profile.locale(), "%,d %s", totals.count(),
                totals.count() == 1 ? "session" : "sessions");
        if (totals.clientAmountMinor() != null) {
            text += " · client amounts " + profile.formatMoney(totals.clientAmountMinor());
        }
        if (totals.tutorEarningsMinor() != null) {
            text += (user.isAdmin() ? " · tutor earnings " : " · your earnings ")
                    + profile.formatMoney(totals.tutorEarningsMinor());
        }
        if (totals.exceedsScroll()) {
            text += String.format(profile.locale(), " · the list shows the first %,d: narrow the filters or reverse"
                    + " the sort to reach the others (Export has them all)", SessionListService.MAX_SCROLL_ROWS);
        }
        summary.setText(text);
    }

    private DownloadHandler exportHandler() {
        return event -> {
            event.setFileName(sessions.exportFileName());
            event.setContentType("text/csv; charset=UTF-8");
            sessions.exportCsv(state.filter(), state.sort(), event.getOutputStream());
        };
    }

    private LocalDate today() {
        return profile.today(clock);
    }

    private static DateRange.Preset presetByLabel(String label) {
        for (DateRange.Preset preset : DateRange.Preset.values()) {
            if (preset.label().equals(label)) {
                return preset;
            }
        }
        return null;
    }

    private static final String LAST_QUERY = SessionsView.class.getName() + ".lastQuery";

    /** @return "sessions" with the filters and sort the list last showed in this browser session */
    static String lastListAddress() {
        VaadinSession session = VaadinSession.getCurrent();
        Object query = session == null ? null : session.getAttribute(LAST_QUERY);
        return query == null || query.toString().isEmpty() ? "sessions" : "sessions?" + query;
    }

    /** @return the state the view shows (for tests) */
    SessionListState state() {
        return state;
    }
}
