package com.tutordesk.schedule.ui;

import com.tutordesk.schedule.CalendarEntry;
import com.tutordesk.schedule.CalendarFilter;
import com.tutordesk.schedule.ScheduleService;
import com.tutordesk.schedule.TimeAxis;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.session.FilterChoice;
import com.tutordesk.session.Rescheduled;
import com.tutordesk.session.SessionChangedException;
import com.tutordesk.session.SeriesChange;
import com.tutordesk.session.SeriesSummary;
import com.tutordesk.session.SessionConflict;
import com.tutordesk.session.SessionSeriesService;
import com.tutordesk.session.SessionEditingService;
import com.tutordesk.session.SessionListService;
import com.tutordesk.session.SessionLoggingService;
import com.tutordesk.session.ui.SessionDialogs;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dnd.DropEvent;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.util.HtmlUtils;

/**
 * The calendar (issue 14): day, week (default), month and — for admins — a by-tutor day view of
 * sessions in the business time zone and locale, with the view, date and filters in the URL. A
 * session is a block from its start to its end showing time, student, subject, tutor (when several
 * tutors show) and state; overlapping sessions sit side by side, and those of one tutor are flagged.
 * A block is a link to the session page; a click on an empty slot opens Log Session filled in; a
 * block dragged to another slot (Vaadin's own drag and drop) is rescheduled through the session
 * module's editing service, with the same rules as Edit Session and an Undo in the confirmation.
 *
 * <p>Built to stay light with thousands of sessions: a block is one element (its text a property,
 * its place inline style), a link instead of a server click listener, and the hour lines are CSS.
 */
@Route("schedule")
@PageTitle("Schedule · Tutordesk")
@Menu(title = "Schedule", order = 12, icon = "vaadin:calendar")
@PermitAll
class ScheduleView extends Main implements BeforeEnterObserver {

    /** Height of one hour in pixels: positions and drops are computed with it (styles.css reads --cal-hour). */
    static final int HOUR_PX = 48;
    /** A drop or a click lands on a quarter hour. */
    static final int SNAP_MINUTES = 15;
    /** A session shorter than this still gets a block tall enough to read. */
    static final int MIN_BLOCK_PX = 18;
    /** Sessions a month-view day lists before "+ N more". */
    static final int MONTH_ENTRIES_PER_DAY = 3;
    /** The hour a time grid opens scrolled to. */
    static final int FIRST_VISIBLE_HOUR = 7;

    /** One column of a time grid: a day, or a tutor on one day. */
    record Column(String heading, String headingLink, LocalDate date, Long tutorId, List<CalendarEntry> entries) {
    }

    final Tabs modes = new Tabs();
    final Map<CalendarMode, Tab> modeTabs = new EnumMap<>(CalendarMode.class);
    final Button previous = new Button(VaadinIcon.ANGLE_LEFT.create());
    final Button today = new Button("Today");
    final Button next = new Button(VaadinIcon.ANGLE_RIGHT.create());
    final DatePicker datePicker = new DatePicker();
    final H2 title = new H2();
    final ComboBox<FilterChoice> tutor = new ComboBox<>("Tutor");
    final ComboBox<FilterChoice> student = new ComboBox<>("Student");
    final ComboBox<FilterChoice> client = new ComboBox<>("Client");
    final Button logSession = new Button("Log Session", VaadinIcon.PLUS.create());
    final Div notices = new Div();
    final Div board = new Div();
    /** The columns of the time grid on show, in order (for tests and drops). */
    final List<Div> columns = new ArrayList<>();
    /** The blocks of the time grid on show, by session id. */
    final Map<Long, Block> blocks = new LinkedHashMap<>();
    /** The sessions listed in the month view, by session id. */
    final Map<Long, Anchor> monthEntries = new LinkedHashMap<>();

    private final ScheduleService schedule;
    private final SessionListService choices;
    private final SessionEditingService editing;
    private final SessionSeriesService series;
    private final SessionLoggingService logging;
    private final BusinessProfile profile;
    private final CurrentUser user;
    private final Clock clock;
    private final DayOfWeek firstDayOfWeek;
    private final DateTimeFormatter timeFormat;
    private ScheduleState state;
    private boolean applyingState;
    private TimeAxis axis;
    private final List<Column> shownColumns = new ArrayList<>();

    ScheduleView(ScheduleService schedule, SessionListService choices, SessionEditingService editing,
            SessionLoggingService logging, SessionSeriesService series, SettingsService settings,
            CurrentUserService currentUsers, Clock clock) {
        this.schedule = schedule;
        this.series = series;
        this.choices = choices;
        this.editing = editing;
        this.logging = logging;
        this.profile = settings.profile();
        this.user = currentUsers.require();
        this.clock = clock;
        this.firstDayOfWeek = WeekFields.of(profile.locale()).getFirstDayOfWeek();
        this.timeFormat = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(profile.locale())
                .withZone(profile.zone());
        this.state = new ScheduleState(CalendarMode.WEEK, profile.today(clock), CalendarFilter.NONE, List.of());
        addClassName("schedule-view");

        for (CalendarMode mode : CalendarMode.values()) {
            if (mode == CalendarMode.TUTORS && !user.isAdmin()) {
                continue;
            }
            Tab tab = new Tab(mode.label);
            tab.setId("schedule-mode-" + mode.key);
            modeTabs.put(mode, tab);
            modes.add(tab);
        }
        modes.addSelectedChangeListener(e -> {
            if (!applyingState && e.isFromClient()) {
                modeTabs.forEach((mode, tab) -> {
                    if (tab == e.getSelectedTab()) {
                        navigate(state.with(mode, state.date(), state.filter()));
                    }
                });
            }
        });
        previous.setAriaLabel("Previous");
        previous.setId("schedule-previous");
        previous.addClickListener(e -> navigate(state.with(state.mode(), state.step(-1), state.filter())));
        next.setAriaLabel("Next");
        next.setId("schedule-next");
        next.addClickListener(e -> navigate(state.with(state.mode(), state.step(1), state.filter())));
        today.setId("schedule-today");
        today.addClickListener(e -> navigate(state.with(state.mode(), profile.today(clock), state.filter())));
        datePicker.setLocale(profile.locale());
        datePicker.setAriaLabel("Go to date");
        datePicker.setId("schedule-date");
        datePicker.addValueChangeListener(e -> {
            if (!applyingState && e.getValue() != null) {
                navigate(state.with(state.mode(), e.getValue(), state.filter()));
            }
        });
        for (Button button : List.of(previous, today, next)) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }

        logSession.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        logSession.setId("schedule-log-session");
        logSession.addClickListener(e -> openLogSession(state.date(), null, state.filter().tutorId()));

        HorizontalLayout navigation = new HorizontalLayout(previous, today, next, datePicker);
        navigation.setAlignItems(FlexComponent.Alignment.CENTER);
        navigation.setSpacing(false);
        navigation.addClassName("schedule-navigation");
        HorizontalLayout header = new HorizontalLayout(title, navigation, modes, logSession);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.setWrap(true);
        header.addClassName("view-header");

        notices.addClassName("url-notices");
        notices.setVisible(false);
        board.addClassName("schedule-board");
        board.setId("schedule-board");
        add(header, filterBar(), notices, board);
    }

    // ---- filters ----

    private Div filterBar() {
        tutor.setItems(query -> choices.tutorChoices(query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream());
        tutor.setItemLabelGenerator(FilterChoice::name);
        tutor.setId("schedule-tutor");
        student.setItems(query -> choices.studentChoices(query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream());
        student.setItemLabelGenerator(FilterChoice::name);
        student.setId("schedule-student");
        client.setItems(query -> choices.clientChoices(query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream());
        client.setItemLabelGenerator(FilterChoice::name);
        client.setId("schedule-client");
        // Admins filter by tutor, student and client; Enhanced-Access tutors by their own clients.
        tutor.setVisible(user.isAdmin());
        student.setVisible(user.isAdmin());
        client.setVisible(user.isAdmin() || user.enhancedAccess());
        for (ComboBox<FilterChoice> box : List.of(tutor, student, client)) {
            box.setClearButtonVisible(true);
            box.addValueChangeListener(e -> {
                if (!applyingState) {
                    navigate(state.with(state.mode(), state.date(), new CalendarFilter(id(tutor), id(student),
                            id(client))));
                }
            });
        }
        Div bar = new Div(tutor, student, client);
        bar.addClassName("filter-bar");
        bar.setVisible(user.isAdmin() || user.enhancedAccess());
        return bar;
    }

    private static Long id(ComboBox<FilterChoice> box) {
        return box.getValue() == null ? null : box.getValue().id();
    }

    private void navigate(ScheduleState next) {
        UI.getCurrent().navigate(ScheduleView.class, next.toQueryParameters());
    }

    // ---- URL → view ----

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ScheduleState parsed = ScheduleState.parse(event.getLocation().getQueryParameters(), profile.today(clock));
        List<String> messages = new ArrayList<>(parsed.notices());
        CalendarMode mode = parsed.mode();
        if (mode == CalendarMode.TUTORS && !user.isAdmin()) {
            messages.add("The by-tutor view is for admins: showing your day.");
            mode = CalendarMode.DAY;
        }
        CalendarFilter filter = parsed.filter();
        // A tutor's calendar is their own whatever the URL says (the service enforces it); the filters
        // they cannot use are dropped so that the page does not claim to apply them.
        if (!user.isAdmin()) {
            filter = new CalendarFilter(null, null, user.enhancedAccess() ? filter.clientId() : null);
        }
        applyingState = true;
        try {
            tutor.setValue(lookUp(SessionListService.ChoiceKind.TUTOR, filter.tutorId(), messages));
            student.setValue(lookUp(SessionListService.ChoiceKind.STUDENT, filter.studentId(), messages));
            client.setValue(lookUp(SessionListService.ChoiceKind.CLIENT, filter.clientId(), messages));
            filter = new CalendarFilter(id(tutor), id(student), id(client));
            state = new ScheduleState(mode, parsed.date(), filter, List.copyOf(messages));
            modes.setSelectedTab(modeTabs.get(mode));
            datePicker.setValue(state.date());
        } finally {
            applyingState = false;
        }
        notices.removeAll();
        notices.setVisible(!messages.isEmpty());
        messages.forEach(message -> notices.add(new Paragraph(message)));
        render();
    }

    private FilterChoice lookUp(SessionListService.ChoiceKind kind, Long id, List<String> messages) {
        if (id == null) {
            return null;
        }
        Optional<FilterChoice> found = choices.choice(kind, id);
        if (found.isEmpty() && user.isAdmin()) {
            messages.add("Ignored " + kind.name().toLowerCase(Locale.ROOT) + " " + id + ": it does not exist.");
        }
        return found.orElse(null);
    }

    // ---- drawing ----

    /** Reads the shown range again and draws it. */
    void render() {
        board.removeAll();
        columns.clear();
        blocks.clear();
        monthEntries.clear();
        dragged = null;
        shownColumns.clear();
        LocalDate first = state.firstDay(firstDayOfWeek);
        int days = state.dayCount(firstDayOfWeek);
        List<CalendarEntry> entries = schedule.entries(first, first.plusDays(days), state.filter());
        title.setText(title(first, days));
        switch (state.mode()) {
            case MONTH -> renderMonth(first, days, entries);
            case TUTORS -> renderTutors(entries);
            default -> renderDays(first, days, entries);
        }
    }

    private String title(LocalDate first, int days) {
        return switch (state.mode()) {
            case DAY, TUTORS -> first.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                    .withLocale(profile.locale()));
            case WEEK -> profile.formatDate(first) + " – " + profile.formatDate(first.plusDays(days - 1L));
            case MONTH -> state.date().format(DateTimeFormatter.ofPattern("LLLL yyyy", profile.locale()));
        };
    }

    private void renderDays(LocalDate first, int days, List<CalendarEntry> entries) {
        List<Column> dayColumns = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            LocalDate date = first.plusDays(i);
            dayColumns.add(new Column(dayHeading(date), dayLink(date), date, state.filter().tutorId(),
                    entries.stream().filter(e -> profile.local(e.startsAt()).toLocalDate().equals(date)).toList()));
        }
        boolean oneTutor = !user.isAdmin() || state.filter().tutorId() != null;
        renderTimeGrid(dayColumns, !oneTutor);
    }

    private void renderTutors(List<CalendarEntry> entries) {
        List<Column> tutorColumns = new ArrayList<>();
        for (FilterChoice column : schedule.tutorColumns(state.filter())) {
            tutorColumns.add(new Column(column.name(), null, state.date(), column.id(),
                    entries.stream().filter(e -> e.tutorId() == column.id()).toList()));
        }
        renderTimeGrid(tutorColumns, false);
    }

    private void renderTimeGrid(List<Column> gridColumns, boolean showTutor) {
        axis = TimeAxis.of(gridColumns.stream().map(Column::date).distinct().toList(), profile.zone());
        Div grid = new Div();
        grid.addClassName("cal-grid");
        grid.getStyle().set("--cal-hour", HOUR_PX + "px").set("--cal-columns", String.valueOf(gridColumns.size()));
        Div corner = new Div();
        corner.addClassName("cal-corner");
        grid.add(corner);
        for (Column column : gridColumns) {
            Div heading = new Div();
            heading.addClassName("cal-heading");
            if (column.date().equals(profile.today(clock)) && state.mode() == CalendarMode.WEEK) {
                heading.addClassName("cal-today");
            }
            if (column.headingLink() != null) {
                heading.add(new Anchor(column.headingLink(), column.heading()));
            } else {
                heading.setText(column.heading());
            }
            grid.add(heading);
        }
        shownColumns.addAll(gridColumns);
        grid.add(timeLabels());
        for (Column column : gridColumns) {
            grid.add(column(column, showTutor));
        }
        board.add(grid);
        // After layout (a phone lays the page out later than the script runs).
        board.getElement().executeJs("requestAnimationFrame(() => { this.scrollTop = $0; })", FIRST_VISIBLE_HOUR * HOUR_PX);
    }

    private Div timeLabels() {
        Div labels = new Div();
        labels.addClassName("cal-times");
        for (TimeAxis.Row row : axis.rows()) {
            Div label = new Div();
            label.addClassName("cal-time");
            label.setText(rowLabel(row));
            labels.add(label);
        }
        return labels;
    }

    /** @return "9 AM", or for the hour a fall-back night has twice "1 AM (UTC−4)" and "1 AM (UTC−5)" */
    private String rowLabel(TimeAxis.Row row) {
        String time = LocalTime.of(row.hour(), 0).format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(profile.locale()));
        boolean repeated = axis.rows().contains(new TimeAxis.Row(row.hour(), 1));
        if (!repeated) {
            return time;
        }
        // The offset of that hour on the day it happens twice.
        return shownColumns.stream().map(Column::date).distinct()
                .flatMap(date -> axis.hoursOf(date).stream())
                .filter(hour -> hour.row().equals(row)).findFirst()
                .map(hour -> time + " (UTC" + hour.offset().getId().replace("Z", "+00:00") + ")")
                .orElse(time);
    }

    /**
     * One column: its gaps (hours that do not exist that day) and its blocks, written as the column's
     * HTML in one property — thousands of blocks cost one state node per column instead of a dozen
     * changes per block (see the README's calendar benchmark). Every text in it is escaped; links are
     * built from numeric ids. Clicks on a block follow its link (Vaadin's router); a click on the
     * column itself is an empty slot; a drag starts natively on the link and is caught by one listener
     * per column, and the drop by Vaadin's {@link DropTarget} on the column.
     */
    private Div column(Column column, boolean showTutor) {
        Div col = new Div();
        col.addClassName("cal-column");
        int height = axis.rows().size() * HOUR_PX;
        col.getStyle().set("height", height + "px");
        col.getElement().setAttribute("data-date", column.date().toString());
        if (column.tutorId() != null) {
            col.getElement().setAttribute("data-tutor", column.tutorId().toString());
        }
        StringBuilder html = new StringBuilder();
        for (int row = 0; row < axis.rows().size(); row++) {
            if (!axis.exists(column.date(), axis.rows().get(row))) {
                html.append("<div class=\"cal-gap\" title=\"This hour does not exist on this day: clocks go forward.\""
                        + " style=\"top:").append(row * HOUR_PX).append("px;height:").append(HOUR_PX).append("px\"></div>");
            }
        }
        Set<Long> overlapping = CalendarLayout.tutorOverlaps(column.entries());
        int index = columns.size();
        for (Placed p : place(column)) {
            Block block = block(p, index, overlapping.contains(p.entry().id()), showTutor);
            blocks.put(block.entry().id(), block);
            html.append(block.html(height));
        }
        col.getElement().setProperty("innerHTML", html.toString());
        col.getElement().addEventListener("click", e -> onEmptySlot(column,
                        e.getEventData().get("event.offsetY").asDouble()))
                .setFilter("event.target === element").addEventData("event.offsetY");
        // Where in the block the person took hold of it: the block's top lands that much above the drop.
        col.getElement().addEventListener("dragstart", e -> {
                    var id = e.getEventData().get(DRAGGED_ID);
                    dragged = id == null || id.isNull() ? null : new Dragged(Long.parseLong(id.asString()),
                            e.getEventData().get("event.offsetY").asInt());
                }).addEventData(DRAGGED_ID).addEventData("event.offsetY");
        DropTarget<Div> target = DropTarget.create(col);
        target.addDropListener(e -> onDrop(column, e));
        columns.add(col);
        return col;
    }

    /** The id of the session whose block a drag started on (client-side expression). */
    static final String DRAGGED_ID = "event.target.dataset ? event.target.dataset.id : null";

    /** A drag under way: the session, and the pixel offset within its block where it was taken. */
    record Dragged(long sessionId, int grabOffsetY) {
    }

    private Dragged dragged;

    /** A block's place in pixels (top, height) and its lane among overlapping blocks. */
    record Placed(CalendarEntry entry, int top, int height, int lane, int lanes) {
    }

    /**
     * A session's block as drawn.
     *
     * @param column  index of its column in {@link #columns}
     * @param classes its CSS classes (state, overlap, locked)
     * @param text    its text, lines separated by "\n"
     */
    record Block(CalendarEntry entry, int column, int top, int height, int lane, int lanes, String classes,
            String text) {

        /** @return the block as HTML: a link to the session, placed with one inset, its text escaped */
        String html(int columnHeight) {
            double left = 100.0 * lane / lanes;
            double right = 100.0 - 100.0 * (lane + 1) / lanes;
            StringBuilder html = new StringBuilder("<a class=\"").append(classes).append("\" href=\"sessions/")
                    .append(entry.id()).append("\" data-id=\"").append(entry.id()).append('"');
            if (!entry.movable()) {
                html.append(" draggable=\"false\"");
            }
            html.append(" style=\"inset:").append(top).append("px ").append(percent(right)).append(' ')
                    .append(columnHeight - top - height).append("px ").append(percent(left)).append("\">");
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                html.append(i == 0 ? "" : "<br>").append(HtmlUtils.htmlEscape(lines[i], "UTF-8"));
            }
            return html.append("</a>").toString();
        }

        private static String percent(double value) {
            return value == 0 ? "0" : Math.round(value * 1000) / 1000.0 + "%";
        }
    }

    private List<Placed> place(Column column) {
        List<CalendarEntry> entries = column.entries();
        int[] tops = new int[entries.size()];
        int[] bottoms = new int[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            CalendarEntry entry = entries.get(i);
            tops[i] = (int) Math.round(axis.position(column.date(), entry.startsAt()) * HOUR_PX);
            int bottom = (int) Math.round(axis.position(column.date(), entry.endsAt()) * HOUR_PX);
            bottoms[i] = Math.max(bottom, tops[i] + MIN_BLOCK_PX);
        }
        CalendarLayout.Lanes lanes = CalendarLayout.lanes(tops, bottoms);
        List<Placed> placed = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            placed.add(new Placed(entries.get(i), tops[i], bottoms[i] - tops[i], lanes.lane()[i], lanes.lanes()[i]));
        }
        return placed;
    }

    private Block block(Placed p, int column, boolean overlap, boolean showTutor) {
        CalendarEntry entry = p.entry();
        StringBuilder classes = new StringBuilder("cal-block cal-").append(entry.status().name().toLowerCase(Locale.ROOT));
        if (overlap) {
            classes.append(" cal-overlap");
        }
        if (!entry.movable()) {
            classes.append(" cal-locked");
        }
        return new Block(entry, column, p.top(), p.height(), p.lane(), p.lanes(), classes.toString(),
                blockText(entry, overlap, showTutor));
    }

    /** @return e.g. "4:00 PM Łucja Kowalska\nAlgebra II · Ingrid Åberg · Cancelled" */
    String blockText(CalendarEntry entry, boolean overlap, boolean showTutor) {
        // The business profile's short time format, built once per view: a busy week formats thousands.
        StringBuilder text = new StringBuilder(timeFormat.format(entry.startsAt())).append(' ')
                .append(entry.studentName()).append('\n').append(entry.subjectName());
        if (showTutor) {
            text.append(" · ").append(entry.tutorName());
        }
        switch (entry.status()) {
            case CANCELLED -> text.append(" · Cancelled");
            case LATE_CANCELLED -> text.append(" · Late cancellation");
            default -> { }
        }
        if (overlap) {
            text.append(" · Overlaps");
        }
        if (!entry.movable()) {
            text.append(" · ").append(entry.billing().label());
        }
        return text.toString();
    }

    private void renderMonth(LocalDate first, int days, List<CalendarEntry> entries) {
        axis = null;
        Div month = new Div();
        month.addClassName("cal-month");
        for (int i = 0; i < 7; i++) {
            Div weekday = new Div();
            weekday.addClassName("cal-weekday");
            weekday.setText(firstDayOfWeek.plus(i).getDisplayName(TextStyle.SHORT, profile.locale()));
            month.add(weekday);
        }
        Map<LocalDate, List<CalendarEntry>> byDay = new LinkedHashMap<>();
        for (CalendarEntry entry : entries) {
            byDay.computeIfAbsent(profile.local(entry.startsAt()).toLocalDate(), d -> new ArrayList<>()).add(entry);
        }
        boolean showTutor = user.isAdmin() && state.filter().tutorId() == null;
        for (int i = 0; i < days; i++) {
            LocalDate date = first.plusDays(i);
            Div cell = new Div();
            cell.addClassName("cal-month-day");
            if (date.getMonth() != state.date().getMonth()) {
                cell.addClassName("cal-other-month");
            }
            if (date.equals(profile.today(clock))) {
                cell.addClassName("cal-today");
            }
            cell.getElement().setAttribute("data-date", date.toString());
            Anchor number = new Anchor(dayLink(date), String.valueOf(date.getDayOfMonth()));
            number.addClassName("cal-month-number");
            cell.add(number);
            List<CalendarEntry> day = byDay.getOrDefault(date, List.of());
            for (CalendarEntry entry : day.subList(0, Math.min(MONTH_ENTRIES_PER_DAY, day.size()))) {
                Anchor line = new Anchor();
                line.setHref("sessions/" + entry.id());
                line.getElement().setAttribute("class", "cal-month-entry cal-"
                        + entry.status().name().toLowerCase(Locale.ROOT));
                line.getElement().setProperty("innerText", profile.formatTime(entry.startsAt()) + " "
                        + entry.studentName() + (showTutor ? " · " + entry.tutorName() : ""));
                monthEntries.put(entry.id(), line);
                cell.add(line);
            }
            if (day.size() > MONTH_ENTRIES_PER_DAY) {
                Anchor more = new Anchor(dayLink(date), "+ " + (day.size() - MONTH_ENTRIES_PER_DAY) + " more");
                more.addClassName("cal-month-more");
                cell.add(more);
            }
            cell.getElement().addEventListener("click", e -> openLogSession(date, null, state.filter().tutorId()))
                    .setFilter("event.target === element");
            month.add(cell);
        }
        board.add(month);
    }

    private String dayHeading(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, profile.locale()) + " "
                + date.format(DateTimeFormatter.ofPattern("MMM d", profile.locale()));
    }

    private String dayLink(LocalDate date) {
        CalendarMode dayMode = state.mode() == CalendarMode.TUTORS ? CalendarMode.TUTORS : CalendarMode.DAY;
        return "schedule?" + state.with(dayMode, date, state.filter()).toQueryParameters().getQueryString();
    }

    // ---- empty slots: Log Session ----

    /** A click on an empty part of a column: Log Session at that quarter hour (and tutor, in a one-tutor column). */
    void onEmptySlot(Column column, double offsetY) {
        // The quarter hour the click is in (instantAt rounds to the nearest: half a quarter up makes it the one above).
        double position = Math.max(0, offsetY / HOUR_PX - SNAP_MINUTES / 120.0);
        Optional<Instant> at = axis.instantAt(column.date(), position, SNAP_MINUTES);
        if (at.isEmpty()) {
            error("That hour does not exist on " + profile.formatDate(column.date()) + ": clocks go forward that"
                    + " night.");
            return;
        }
        LocalDateTime local = axis.local(at.get());
        openLogSession(local.toLocalDate(), local.toLocalTime(), column.tutorId());
    }

    private void openLogSession(LocalDate date, LocalTime time, Long tutorId) {
        SessionDialogs.openLogSession(logging, profile, user, clock, date, time, tutorId, ids -> render());
    }

    /** @return the column whose date (and tutor, in the by-tutor view) is given */
    Optional<Column> shownColumn(LocalDate date, Long tutorId) {
        return shownColumns.stream().filter(c -> c.date().equals(date)
                && (tutorId == null || tutorId.equals(c.tutorId()))).findFirst();
    }

    // ---- moving: drag and drop ----

    private void onDrop(Column column, DropEvent<Div> event) {
        Dragged drag = dragged;
        dragged = null;
        Block block = drag == null ? null : blocks.get(drag.sessionId());
        if (block == null) {
            return;
        }
        double top = (event.getOffsetY() - drag.grabOffsetY()) / (double) HOUR_PX;
        dropAt(block.entry(), column, top);
    }

    /**
     * Moves a dragged session to {@code position} (rows from the top, fractional) of {@code column}.
     * A drop on another tutor's column is refused: changing the tutor is Edit Session's job.
     */
    void dropAt(CalendarEntry entry, Column column, double position) {
        if (column.tutorId() != null && state.mode() == CalendarMode.TUTORS && column.tutorId() != entry.tutorId()) {
            error("Sessions move within their tutor's column here. To give the session to another tutor, open it"
                    + " and use Edit Session.");
            return;
        }
        Optional<Instant> at = axis.instantAt(column.date(), position, SNAP_MINUTES);
        if (at.isEmpty()) {
            error("That hour does not exist on " + profile.formatDate(column.date()) + ": clocks go forward that"
                    + " night.");
            return;
        }
        if (at.get().equals(entry.startsAt())) {
            return;
        }
        LocalDateTime target = axis.local(at.get());
        move(entry, target.toLocalDate(), target.toLocalTime());
    }

    /** Checks for overlaps (asking before a move onto them), then moves the session. */
    void move(CalendarEntry entry, LocalDate date, LocalTime time) {
        List<SessionConflict> conflicts;
        try {
            conflicts = editing.rescheduleConflicts(entry.id(), date, time);
        } catch (RuleViolationException | NotFoundException | IllegalArgumentException refused) {
            error(refused.getMessage());
            return;
        }
        if (conflicts.isEmpty()) {
            reschedule(entry, date, time);
            return;
        }
        Div text = new Div(new Paragraph(entry.studentName() + " on " + profile.formatDate(date) + " at "
                + time.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(profile.locale()))
                + " overlaps:"));
        for (SessionConflict conflict : conflicts) {
            text.add(new Paragraph(profile.formatTime(conflict.startsAt()) + "–" + profile.formatTime(conflict.endsAt())
                    + " " + conflict.description() + (conflict.sameTutor() ? " (same tutor)" : " (same student)")));
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Move onto another session?");
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setConfirmText("Move anyway");
        confirm.addConfirmListener(e -> reschedule(entry, date, time));
        confirm.open();
    }

    /** A session of a series asks first: only this one, or this and the following ones. */
    private void reschedule(CalendarEntry entry, LocalDate date, LocalTime time) {
        Optional<SeriesSummary> summary;
        try {
            summary = series.summary(entry.id()).filter(s -> s.following() > 0);
        } catch (NotFoundException gone) {
            error(gone.getMessage());
            return;
        }
        if (summary.isEmpty()) {
            moveOne(entry, date, time);
            return;
        }
        ConfirmDialog ask = new ConfirmDialog();
        ask.setHeader("Move a session of a series");
        ask.setText(entry.studentName() + "'s session is " + summary.get().describe(profile.locale()) + ".");
        ask.setConfirmText("This and following (" + (summary.get().following() + 1) + ")");
        ask.addConfirmListener(e -> moveFollowing(entry, date, time));
        ask.setRejectable(true);
        ask.setRejectText("Only this session");
        ask.addRejectListener(e -> moveOne(entry, date, time));
        ask.setCancelable(true);
        ask.open();
    }

    private void moveOne(CalendarEntry entry, LocalDate date, LocalTime time) {
        try {
            Rescheduled moved = editing.reschedule(entry.id(), entry.version(), date, time);
            render();
            lastMoved = moved;
            lastUndo = SessionDialogs.confirmWithUndo("Moved " + entry.studentName() + " to "
                    + describe(moved.toDate(), moved.toTime()) + ".", () -> {
                        editing.reschedule(moved.sessionId(), moved.version(), moved.fromDate(), moved.fromTime());
                        render();
                        success("Moved back to " + describe(moved.fromDate(), moved.fromTime()) + ".");
                    });
        } catch (SessionChangedException changed) {
            render();
            error(changed.getMessage().replace(" — reload to see the changes.", ": the calendar now shows it."));
        } catch (RuleViolationException | NotFoundException | IllegalArgumentException refused) {
            error(refused.getMessage());
        }
    }

    private void moveFollowing(CalendarEntry entry, LocalDate date, LocalTime time) {
        try {
            SeriesChange change = series.rescheduleFollowing(entry.id(), entry.version(), date, time);
            render();
            lastUndo = SessionDialogs.confirmWithUndo(SessionDialogs.describe(change, profile, "Moved"), () -> {
                series.undo(change);
                render();
                success("Moved back.");
            });
        } catch (SessionChangedException changed) {
            render();
            error(changed.getMessage().replace(" — reload to see the changes.", ": the calendar now shows it."));
        } catch (RuleViolationException | NotFoundException | IllegalArgumentException refused) {
            error(refused.getMessage());
        }
    }

    /** The last move's confirmation (for tests). */
    Rescheduled lastMoved;
    Button lastUndo;

    private String describe(LocalDate date, LocalTime time) {
        return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, profile.locale()) + ", " + profile.formatDate(date)
                + ", " + time.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(profile.locale()));
    }

    /** @return the state the view shows (for tests) */
    ScheduleState state() {
        return state;
    }

    /** @return the time axis of the grid on show, or {@code null} for the month view (for tests) */
    TimeAxis axis() {
        return axis;
    }

    private static void success(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
