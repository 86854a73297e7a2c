package com.tutordesk.session.ui;

import com.tutordesk.security.CurrentUserService;
import com.tutordesk.session.BillingState;
import com.tutordesk.session.LateCancellationPreview;
import com.tutordesk.session.ReportDelivery;
import com.tutordesk.session.SessionActions;
import com.tutordesk.session.SessionChangedException;
import com.tutordesk.session.SessionDetails;
import com.tutordesk.session.SessionEditingService;
import com.tutordesk.session.SessionHistoryLine;
import com.tutordesk.session.SessionLoggingService;
import com.tutordesk.session.SessionNotes;
import com.tutordesk.session.SessionPage;
import com.tutordesk.session.SessionPageAction;
import com.tutordesk.session.SessionReportService;
import com.tutordesk.session.SessionViewService;
import com.tutordesk.session.TutoringSession;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.RuleViolationException;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.DebouncePhase;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The session page (issue 5): every field its viewer may see, the rating, the session report
 * (with a character counter) and the internal note, Save and "Save and Send report" with the state
 * of the report email, Edit Session with Late Cancellation under it, Delete, and the history.
 * A session of another tutor, or one that does not exist, shows the not-found page (the service
 * throws NotFoundException for both). Every rule is the services'; this page only hides what they
 * would refuse.
 */
@Route("sessions/:sessionId(\\d{1,18})")
@PermitAll
class SessionDetailsView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /** How often the page asks about a report email on its way, and about one waiting for a retry. */
    static final int POLL_SENDING_MS = 2_000;
    static final int POLL_RETRYING_MS = 30_000;
    /** How often a report being typed is saved as a draft on the server (and once more when typing stops). */
    static final int DRAFT_EVERY_MS = 3_000;
    private static final String COUNTER_SUFFIX = " characters · emailed to the billing contact with Save and Send report";

    final H2 heading = new H2();
    final Span statusBadge = new Span();
    final Paragraph when = new Paragraph();
    final Div conflict = new Div();
    final Div facts = new Div();
    final RatingField rating = new RatingField("Rating");
    final TextArea report = new TextArea("Session report");
    final Div reportState = new Div();
    /** "Draft saved 12:04 PM": the report being typed is on the server, whatever happens to this node. */
    final Span draftState = new Span();
    final TextArea internalNote = new TextArea("Internal note — never sent to the client");
    final Button save = new Button("Save");
    final Button saveAndSend = new Button("Save and Send report");
    final MenuBar editMenu = new MenuBar();
    final MenuItem editSession;
    final MenuItem editDetails;
    final MenuItem lateCancel;
    final MenuItem undoLateCancel;
    final MenuItem reschedule;
    final MenuItem endSeries;
    /** "3 of 12, every 2 weeks on Tuesday" for a session of a series. */
    final Paragraph seriesLine = new Paragraph();
    final Button delete = new Button("Delete");
    /** Issue 17: a session that completed before the package was paid uses its hours only when asked. */
    final Button applyPackage = new Button("Apply package");
    final Anchor sendInvoice = new Anchor();
    /** Actions of modules above this one (e.g. Confirm & Charge), through {@link SessionPageAction}. */
    final Div moreActions = new Div();
    final Paragraph actionNote = new Paragraph();
    final Div history = new Div();

    private final SessionViewService views;
    private final SessionReportService reports;
    private final SessionEditingService editing;
    private final SessionLoggingService logging;
    private final CurrentUserService currentUsers;
    private final BusinessProfile profile;
    private final ObjectProvider<SessionPageAction> pageActions;
    private final com.tutordesk.session.SessionSeriesService series;
    private com.tutordesk.session.SeriesSummary seriesSummary;
    private long sessionId;
    private SessionPage page;
    private String title = "Session · Tutordesk";
    private Registration pollListener;

    SessionDetailsView(SessionViewService views, SessionReportService reports, SessionEditingService editing,
            SessionLoggingService logging, CurrentUserService currentUsers, SettingsService settings,
            ObjectProvider<SessionPageAction> pageActions, com.tutordesk.session.SessionSeriesService series) {
        this.pageActions = pageActions;
        this.series = series;
        this.views = views;
        this.reports = reports;
        this.editing = editing;
        this.logging = logging;
        this.currentUsers = currentUsers;
        this.profile = settings.profile();
        addClassName("session-details-view");

        statusBadge.addClassName("status-badge");
        HorizontalLayout header = new HorizontalLayout(heading, statusBadge);
        header.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        header.addClassName("session-header");
        when.addClassName("subtitle");
        conflict.addClassName("session-conflict");
        conflict.getElement().setAttribute("role", "alert");
        conflict.setVisible(false);
        facts.addClassName("details-grid");

        // No maxlength on the input: the browser would cut a pasted report silently (issue 12). Over the limit
        // the counter and the field say so, and saving is refused at the field.
        // The value reaches the server on change (leaving the field, e.g. to click Save), so a click
        // right after typing never saves an older text; the counter follows each keystroke in the browser.
        report.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        report.addValueChangeListener(e -> countCharacters());
        report.getElement().executeJs("""
                const field = this;
                field.addEventListener('input', () => {
                  const over = field.value.length - $1;
                  field.helperText = field.value.length.toLocaleString($0) + ' / ' + $1.toLocaleString($0)
                      + (over > 0 ? ' characters — ' + over.toLocaleString($0) + ' too many: shorten it to save' : $2);
                });""", profile.locale().toLanguageTag(), TutoringSession.REPORT_MAX_LENGTH, COUNTER_SUFFIX);
        // While typing, the text also goes to the server every few seconds as a draft (issue 13: a node
        // that dies loses seconds of typing); the field's value itself still syncs on change (see above).
        report.getElement().addEventListener("input", e -> saveDraft(e.getEventData().path("event.target.value").asText()))
                .addEventData("event.target.value")
                .debounce(DRAFT_EVERY_MS, DebouncePhase.INTERMEDIATE, DebouncePhase.TRAILING);
        draftState.setId("report-draft-state");
        draftState.addClassName("report-draft-state");
        report.setId("session-report");
        report.addClassName("session-report");
        report.setWidthFull();
        reportState.addClassName("report-state");
        reportState.setId("report-state");
        internalNote.addValueChangeListener(e -> tooLong(internalNote, "Internal note",
                TutoringSession.INTERNAL_NOTE_MAX_LENGTH));
        internalNote.setHelperText("Only people at the business see this: it is never emailed or shown to the client.");
        internalNote.setId("session-internal-note");
        internalNote.addClassName("internal-note-field");
        internalNote.setWidthFull();

        save.setId("session-save");
        save.setDisableOnClick(true);
        save.addClickListener(e -> save(false));
        saveAndSend.setId("session-save-send");
        saveAndSend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveAndSend.setDisableOnClick(true);
        saveAndSend.addClickListener(e -> save(true));
        editMenu.setId("session-edit-menu");
        editMenu.addThemeVariants(MenuBarVariant.LUMO_DROPDOWN_INDICATORS);
        editSession = editMenu.addItem("Edit Session");
        editDetails = editSession.getSubMenu().addItem("Edit date, time, engagement…", e -> openEditDialog());
        lateCancel = editSession.getSubMenu().addItem("Late Cancellation…", e -> openLateCancellation());
        undoLateCancel = editSession.getSubMenu().addItem("Undo late cancellation", e -> undoLateCancellation());
        reschedule = editSession.getSubMenu().addItem("Reschedule…", e -> SessionDialogs.openReschedule(editing,
                series, profile, sessionId, page.version(), () -> show(views.page(sessionId), true)));
        endSeries = editSession.getSubMenu().addItem("End series after…", e -> openEndSeries());
        seriesLine.addClassName("session-series");
        seriesLine.setId("session-series");
        delete.setId("session-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(e -> confirmDelete());
        applyPackage.setId("session-apply-package");
        applyPackage.setTooltipText("Use the engagement's prepaid hours for this session");
        applyPackage.addClickListener(e -> run(() -> editing.applyPackage(sessionId, page.version()),
                "Package applied."));
        sendInvoice.setText("Send invoice");
        sendInvoice.setId("session-send-invoice");
        sendInvoice.addClassName("send-invoice");
        actionNote.addClassName("session-action-note");
        history.addClassName("session-history");
        history.setId("session-history");

        moreActions.addClassName("session-more-actions");
        HorizontalLayout buttons = new HorizontalLayout(save, saveAndSend, editMenu, applyPackage, sendInvoice, moreActions,
                delete);
        buttons.addClassName("session-buttons");
        buttons.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        Div work = new Div(rating, report, draftState, reportState, internalNote, buttons, actionNote);
        work.addClassName("session-work");
        Div left = new Div(facts);
        left.addClassName("session-facts");
        Div columns = new Div(left, work);
        columns.addClassName("session-columns");
        add(new Anchor(SessionsView.lastListAddress(), "← Sessions"), header, when, seriesLine, conflict, columns,
                new H3("History"), history);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        sessionId = event.getRouteParameters().getLong("sessionId").orElseThrow();
        show(views.page(sessionId), false);
    }

    // ---- showing the session ----

    /**
     * Shows a freshly read page.
     *
     * @param keepEdits keep what the person typed but has not saved (after "Reload" on a conflict)
     */
    void show(SessionPage fresh, boolean keepEdits) {
        SessionPage before = page;
        page = fresh;
        SessionDetails s = fresh.details();
        title = s.studentName() + " · " + profile.formatDate(profile.local(s.startsAt()).toLocalDate());
        heading.setText(s.studentName() + " — " + s.subjectName());
        statusBadge.setText(s.status().label());
        statusBadge.setClassName("status-badge status-" + s.status().name().toLowerCase(Locale.ROOT));
        when.setText(profile.local(s.startsAt()).format(java.time.format.DateTimeFormatter.ofPattern("EEEE",
                profile.locale())) + ", " + profile.formatDate(profile.local(s.startsAt()).toLocalDate()) + " · "
                + timeWithOffset(s.startsAt()) + " – " + timeWithOffset(s.endsAt()) + " · with " + s.tutorName());
        showFacts(fresh);
        seriesSummary = series.summary(s.id()).orElse(null);
        seriesLine.setText(seriesSummary == null ? "" : "Series: " + seriesSummary.describe(profile.locale())
                + (seriesSummary.endedAfter() == null ? ""
                        : " (ended after " + profile.formatDate(seriesSummary.endedAfter()) + ")"));
        seriesLine.setVisible(seriesSummary != null);

        boolean keepRating = keepEdits && before != null && !Objects.equals(rating.getValue(), before.details().rating());
        boolean keepReport = keepEdits && before != null && !text(report.getValue()).equals(text(before.details().report()));
        boolean keepNote = keepEdits && before != null
                && !text(internalNote.getValue()).equals(text(before.details().internalNote()));
        if (!keepRating) {
            rating.setValue(s.rating());
        }
        if (!keepReport) {
            report.setValue(text(s.report()));
            restoreDraft(s);
        }
        if (!keepNote) {
            internalNote.setValue(text(s.internalNote()));
        }
        for (HasValidation field : new HasValidation[] {rating, report, internalNote}) {
            field.setInvalid(false);
        }
        countCharacters();
        showActions(fresh.actions());
        showReportState();
        showHistory();
        conflict.setVisible(false);
        conflict.removeAll();
    }

    /** Puts back the report this person was typing when they last left the page (or lost the server). */
    private void restoreDraft(SessionDetails s) {
        draftState.setText("");
        reports.draft(sessionId).filter(draft -> !draft.text().equals(text(s.report()))).ifPresent(draft -> {
            report.setValue(draft.text());
            draftState.setText("Draft saved " + profile.formatDateTime(draft.savedAt())
                    + " — not part of the session until you save it");
        });
    }

    /** Keeps what is being typed as this person's draft; says when, or nothing if the session is gone. */
    void saveDraft(String text) {
        try {
            Instant savedAt = reports.saveDraft(sessionId, text);
            draftState.setText("Draft saved " + profile.formatTime(savedAt));
        } catch (com.tutordesk.shared.NotFoundException gone) {
            draftState.setText("");
        }
    }

    private void showFacts(SessionPage fresh) {
        SessionDetails s = fresh.details();
        facts.removeAll();
        fact("Date", profile.formatDate(profile.local(s.startsAt()).toLocalDate()));
        fact("Time", timeWithOffset(s.startsAt()) + " – " + timeWithOffset(s.endsAt()) + " (" + profile.zone().getId()
                + ")");
        fact("Duration", BusinessProfile.formatDuration(s.durationMinutes()));
        fact("Tutor", s.tutorName());
        fact("Student", s.studentName());
        fact("Client", s.clientName());
        fact("Subject", s.subjectName());
        fact("Location", s.location() == null ? "—" : s.location());
        fact("Status", s.status().label());
        fact("Billing", s.billing() == BillingState.UNBILLED || s.billing() == BillingState.PREPAID ? s.billingText()
                : s.billingText() + (fresh.invoiceNumber() == null ? "" : " — " + fresh.invoiceNumber()));
        if (s.clientRateMinor() != null) {
            fact("Client rate", profile.formatMoney(s.clientRateMinor()) + " per hour");
            fact("Client amount", profile.formatMoney(s.clientAmountMinor()));
        }
        fact("Tutor wage", profile.formatMoney(s.tutorWageMinor()) + " per hour");
        fact("Tutor earnings", profile.formatMoney(s.tutorEarningsMinor()));
    }

    private void fact(String label, String value) {
        Span name = new Span(label);
        name.addClassName("details-label");
        Span text = new Span(value);
        text.addClassName("details-value");
        text.getElement().setAttribute("data-field", label);
        facts.add(name, text);
    }

    /** @return e.g. "1:30 AM", or "1:30 AM (UTC-04:00)" when that wall-clock time happens twice that day */
    private String timeWithOffset(Instant instant) {
        ZonedDateTime local = profile.local(instant);
        boolean ambiguous = profile.zone().getRules().getValidOffsets(local.toLocalDateTime()).size() > 1;
        return profile.formatTime(instant) + (ambiguous ? " (UTC" + local.getOffset().getId() + ")" : "");
    }

    private void showActions(SessionActions actions) {
        rating.setEnabled(actions.mayRate() || rating.getValue() != null);
        rating.setHelperText(actions.mayRate() ? null : page.details().status().isCancelled()
                ? "A cancelled session is not rated." : "A session can be rated once it has taken place.");
        saveAndSend.setEnabled(actions.maySendReport());
        saveAndSend.setTooltipText(actions.sendBlockedReason());
        editSession.setEnabled(actions.mayEdit() || actions.mayEditLocation());
        editDetails.setEnabled(actions.mayEdit() || actions.mayEditLocation());
        editDetails.setText(actions.mayEdit() ? "Edit date, time, engagement…" : "Edit location…");
        reschedule.setEnabled(actions.mayEdit());
        endSeries.setVisible(seriesSummary != null);
        lateCancel.setVisible(actions.mayLateCancel());
        undoLateCancel.setVisible(actions.mayUndoLateCancel());
        delete.setVisible(actions.mayDelete());
        applyPackage.setVisible(editing.mayApplyPackage(sessionId));
        sendInvoice.setVisible(actions.mayInvoice());
        sendInvoice.setHref("invoices/new?client=" + page.details().clientId() + "&session=" + page.details().id());
        moreActions.removeAll();
        pageActions.orderedStream().forEach(action -> action.create(page, () -> show(views.page(sessionId), true))
                .ifPresent(shown -> {
                    moreActions.add(shown.component());
                    if (shown.replacesSendInvoice()) {
                        sendInvoice.setVisible(false);
                    }
                }));
        String note = actions.billingLock() != null
                ? "Its date, time, duration, engagement and status cannot change and it cannot be deleted: "
                        + actions.billingLock() + ". Its location, rating, report and note can."
                : actions.sendBlockedReason();
        actionNote.setText(note == null ? "" : note);
        actionNote.setVisible(note != null);
    }

    /** "Sent to … at …", "Sending…", "Not sent yet: … will retry", plus "edited after sending". */
    void showReportState() {
        reportState.removeAll();
        ReportDelivery delivery = page.delivery();
        if (delivery == null && page.reportSentAt() != null) {
            // Sent before the outbox kept a record of it (e.g. imported data): the session still knows when.
            reportState.add(new Span("Sent" + (page.reportSentTo() == null ? "" : " to " + page.reportSentTo())
                    + " at " + profile.formatDateTime(page.reportSentAt())));
        } else if (delivery == null) {
            reportState.add(new Span(page.details().report() == null ? "No report yet."
                    : "Not sent to the client yet."));
        } else {
            Span line = new Span(deliveryText(delivery));
            line.addClassNames("report-delivery", "report-delivery-" + delivery.state().name().toLowerCase(Locale.ROOT));
            reportState.add(line);
        }
        if (page.reportEditedAfterSend()) {
            Span edited = new Span("Edited after sending");
            edited.addClassNames("status-badge", "report-edited");
            reportState.add(edited);
        }
        pollWhileSending(delivery);
    }

    private String deliveryText(ReportDelivery delivery) {
        return switch (delivery.state()) {
            case SENT -> "Sent to " + delivery.recipient() + " at " + profile.formatDateTime(delivery.sentAt());
            case PENDING, SENDING -> "Sending to " + delivery.recipient() + "…";
            case RETRYING -> delivery.reason();
            case HELD -> "Not sent yet to " + delivery.recipient() + " — " + delivery.reason();
            case FAILED -> "Not sent to " + delivery.recipient() + ": " + delivery.reason()
                    + ". An admin can retry it on the Email outbox page.";
            case WITHDRAWN -> "Not sent to " + delivery.recipient() + ": " + delivery.reason() + ".";
        };
    }

    private void showHistory() {
        history.removeAll();
        if (page.history().isEmpty()) {
            history.add(new Paragraph("No changes recorded."));
            return;
        }
        for (SessionHistoryLine line : page.history()) {
            Div entry = new Div();
            entry.addClassName("history-entry");
            Span at = new Span(profile.formatDateTime(line.at()));
            at.addClassName("history-at");
            Span action = new Span(line.action());
            action.addClassName("history-action");
            Span who = new Span("by " + line.who());
            who.addClassName("history-who");
            Div what = new Div(action, who);
            what.addClassName("history-what");
            if (line.details() != null) {
                Div details = new Div();
                details.setText(line.details());
                details.addClassName("history-details");
                what.add(details);
            }
            entry.add(at, what);
            history.add(entry);
        }
    }

    private void countCharacters() {
        int length = report.getValue() == null ? 0 : report.getValue().length();
        NumberFormat numbers = NumberFormat.getIntegerInstance(profile.locale());
        int over = length - TutoringSession.REPORT_MAX_LENGTH;
        report.setHelperText(numbers.format(length) + " / " + numbers.format(TutoringSession.REPORT_MAX_LENGTH)
                + (over > 0 ? " characters — " + numbers.format(over) + " too many: shorten it to save" : COUNTER_SUFFIX));
        tooLong(report, "Session report", TutoringSession.REPORT_MAX_LENGTH);
    }

    /** Says at the field that a text is over its limit (nothing is cut: the person decides what goes). */
    private void tooLong(TextArea field, String label, int max) {
        int length = field.getValue() == null ? 0 : field.getValue().length();
        if (length > max) {
            NumberFormat numbers = NumberFormat.getIntegerInstance(profile.locale());
            field.setErrorMessage(label + " must be at most " + numbers.format(max) + " characters: this one has "
                    + numbers.format(length) + ". Shorten it to save.");
            field.setInvalid(true);
        } else if (field.isInvalid() && field.getErrorMessage() != null && field.getErrorMessage().startsWith(label
                + " must be at most")) {
            field.setInvalid(false);
        }
    }

    // ---- the report email on its way ----

    private void pollWhileSending(ReportDelivery delivery) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        if (pollListener != null) {
            pollListener.remove();
            pollListener = null;
        }
        if (delivery == null || !delivery.inFlight()) {
            ui.setPollInterval(-1);
            return;
        }
        ui.setPollInterval(delivery.state() == com.tutordesk.mail.MailState.RETRYING ? POLL_RETRYING_MS : POLL_SENDING_MS);
        pollListener = ui.addPollListener(e -> refreshReportState());
    }

    /** Asks again where the report email is (the poll does this while it is on its way). */
    void refreshReportState() {
        ReportDelivery delivery = views.reportDelivery(sessionId).orElse(null);
        page = new SessionPage(page.details(), page.invoiceNumber(), page.reportSentTo(), page.reportSentAt(),
                page.reportEditedAfterSend(), delivery, page.actions(), page.history());
        showReportState();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (pollListener != null) {
            pollListener.remove();
            pollListener = null;
            event.getUI().setPollInterval(-1);
        }
        super.onDetach(event);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (page != null) {
            pollWhileSending(page.delivery());
        }
    }

    // ---- changes ----

    void save(boolean send) {
        for (HasValidation field : new HasValidation[] {rating, report, internalNote}) {
            field.setInvalid(false);
        }
        SessionNotes notes = new SessionNotes(rating.getValue(), report.getValue(), internalNote.getValue());
        try {
            if (send) {
                String happened = reports.saveAndSend(sessionId, page.version(), notes);
                success("Report saved; email " + happened + ".");
            } else {
                reports.save(sessionId, page.version(), notes);
                success("Saved.");
            }
            show(views.page(sessionId), false);
        } catch (InvalidFieldException invalid) {
            HasValidation field = switch (invalid.field()) {
                case "rating" -> rating;
                case "report" -> report;
                default -> internalNote;
            };
            field.setErrorMessage(invalid.getMessage());
            field.setInvalid(true);
        } catch (SessionChangedException changed) {
            showConflict(changed.getMessage());
        } catch (RuleViolationException | IllegalArgumentException problem) {
            error(problem.getMessage());
        } finally {
            save.setEnabled(true);
            saveAndSend.setEnabled(page.actions().maySendReport());
        }
    }

    /** Shows "changed by X at T — reload" with a Reload button that keeps what the person typed. */
    void showConflict(String message) {
        conflict.removeAll();
        Button reload = new Button("Reload", e -> reload());
        reload.setId("session-reload");
        reload.addThemeVariants(ButtonVariant.LUMO_SMALL);
        conflict.add(new Span(message + " Your unsaved rating, report and note stay in the form."), reload);
        conflict.setVisible(true);
    }

    /** Reads the session again, keeping unsaved rating, report and note. */
    void reload() {
        show(views.page(sessionId), true);
    }

    private void openEditDialog() {
        try {
            EditSessionDialog dialog = new EditSessionDialog(editing, logging, profile, currentUsers.require(),
                    editing.editForm(sessionId), () -> {
                        success("Session updated.");
                        show(views.page(sessionId), true);
                    }, this::showConflict);
            if (seriesSummary != null) {
                dialog.offerSeries(series, seriesSummary, change -> {
                    success(SessionDialogs.describe(change, profile, "Updated"));
                    show(views.page(sessionId), true);
                });
            }
            dialog.open();
        } catch (RuleViolationException problem) {
            error(problem.getMessage());
        }
    }

    /** "End series after …": a date; the occurrences after it are cancelled (invoiced or paid ones listed). */
    private void openEndSeries() {
        com.vaadin.flow.component.datepicker.DatePicker last = new com.vaadin.flow.component.datepicker.DatePicker(
                "Last session on");
        last.setLocale(profile.locale());
        last.setId("end-series-date");
        last.setValue(profile.local(page.details().startsAt()).toLocalDate());
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("End series after…");
        dialog.setText(new Div(new Paragraph("The sessions of this series after the chosen date are cancelled (in"
                + " time: nothing charged or paid). Invoiced or paid sessions are left as they are."), last));
        dialog.setCancelable(true);
        dialog.setConfirmText("End series");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            try {
                success(SessionDialogs.describe(series.endAfter(sessionId, last.getValue()), profile, "Cancelled"));
                show(views.page(sessionId), true);
            } catch (RuleViolationException | IllegalArgumentException problem) {
                error(problem.getMessage());
            }
        });
        dialog.open();
    }

    private void openLateCancellation() {
        LateCancellationPreview preview;
        try {
            preview = editing.lateCancellationPreview(sessionId);
        } catch (RuleViolationException problem) {
            error(problem.getMessage());
            return;
        }
        Div text = new Div();
        text.addClassName("late-cancel-preview");
        text.add(new Paragraph("The session becomes a late cancellation. Business policy: the client is charged "
                + preview.clientChargePercent() + " % and the tutor paid " + preview.tutorPayPercent()
                + " % (cancellations less than " + preview.windowHours() + " hours before the start are late)."));
        if (preview.clientAmountMinor() != null) {
            Paragraph client = new Paragraph("Client amount: " + profile.formatMoney(preview.clientAmountMinor())
                    + " → " + profile.formatMoney(preview.lateClientAmountMinor()));
            client.addClassName("late-cancel-client");
            text.add(client);
        }
        Paragraph tutor = new Paragraph("Tutor earnings: " + profile.formatMoney(preview.tutorEarningsMinor()) + " → "
                + profile.formatMoney(preview.lateTutorEarningsMinor()));
        tutor.addClassName("late-cancel-tutor");
        text.add(tutor, new Paragraph("You can undo it later from the Edit Session menu."));
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Late Cancellation");
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setConfirmText("Mark as late cancellation");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> run(() -> editing.lateCancel(sessionId, page.version()),
                "Marked as a late cancellation."));
        dialog.open();
    }

    private void undoLateCancellation() {
        run(() -> editing.undoLateCancellation(sessionId, page.version()), "Late cancellation undone.");
    }

    private void confirmDelete() {
        SessionDetails s = page.details();
        ConfirmDialog dialog = new ConfirmDialog("Delete this session?", "The session of " + s.studentName() + " ("
                + s.subjectName() + ") on " + profile.formatDateTime(s.startsAt()) + " is deleted for good.",
                "Delete", e -> {
                    try {
                        editing.delete(sessionId, page.version());
                        success("Session deleted.");
                        UI.getCurrent().navigate("sessions");
                    } catch (SessionChangedException changed) {
                        showConflict(changed.getMessage());
                    } catch (RuleViolationException problem) {
                        error(problem.getMessage());
                    }
                }, "Cancel", e -> { });
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    /** Runs a change of the session, then shows it again (or the conflict, or the refusal). */
    private void run(Runnable change, String done) {
        try {
            change.run();
            success(done);
            show(views.page(sessionId), true);
        } catch (SessionChangedException changed) {
            showConflict(changed.getMessage());
        } catch (RuleViolationException | IllegalArgumentException problem) {
            error(problem.getMessage());
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static void success(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
