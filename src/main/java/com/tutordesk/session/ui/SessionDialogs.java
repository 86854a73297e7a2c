package com.tutordesk.session.ui;

import com.tutordesk.security.CurrentUser;
import com.tutordesk.session.SessionLoggingService;
import com.tutordesk.settings.BusinessProfile;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Consumer;
import com.tutordesk.session.SeriesChange;
import com.tutordesk.session.SessionEditingService;
import com.tutordesk.session.SessionSeriesService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.springframework.modulith.NamedInterface;

/**
 * The session dialogs other modules' views open (e.g. the calendar's click on an empty slot), so
 * that the dialogs themselves stay package-private here.
 */
@NamedInterface("dialogs")
public final class SessionDialogs {

    private SessionDialogs() {
    }

    /**
     * Opens Log Session with the date, start time and tutor filled in (the person completes the rest).
     *
     * @param startTime business-local start, or {@code null}
     * @param tutorId   the tutor, or {@code null}; ignored when the viewer may not log for that tutor
     * @param onLogged  called with the new session ids after the dialog saved them
     */
    public static void openLogSession(SessionLoggingService logging, BusinessProfile profile, CurrentUser user,
            Clock clock, LocalDate date, LocalTime startTime, Long tutorId, Consumer<List<Long>> onLogged) {
        LogSessionDialog dialog = new LogSessionDialog(logging, profile, user, clock, ids -> {
            Notifications.logged(ids);
            onLogged.accept(ids);
        });
        dialog.prefill(date, startTime, tutorId);
        dialog.open();
    }

    /**
     * The confirmation after a move: "Moved … to …" with an Undo button (issue 14: "with an undo in
     * the confirmation").
     *
     * @param what e.g. "Moved Mia to Wed, Dec 2, 5:30 PM." (plain text)
     * @param undo moves it back; its own refusal is shown as an error
     * @return the Undo button (for tests)
     */
    public static Button confirmWithUndo(String what, Runnable undo) {
        Notification notification = new Notification();
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        notification.setDuration(10_000);
        notification.setPosition(Notification.Position.BOTTOM_START);
        Button button = new Button("Undo", e -> {
            notification.close();
            try {
                undo.run();
            } catch (RuleViolationException | NotFoundException refused) {
                Notification.show("Could not undo: " + refused.getMessage(), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        button.setId("undo-move");
        HorizontalLayout content = new HorizontalLayout(new Span(what), button);
        content.setAlignItems(FlexComponent.Alignment.CENTER);
        notification.add(content);
        notification.open();
        return button;
    }

    /**
     * @return what a series change did, for a confirmation: "Changed 8 sessions. Skipped 2: Tue, Dec 1 —
     *         it is on invoice INV-000123 …"
     */
    public static String describe(SeriesChange change, BusinessProfile profile, String verb) {
        StringBuilder text = new StringBuilder(verb).append(' ').append(change.changed().size())
                .append(change.changed().size() == 1 ? " session." : " sessions.");
        if (!change.skipped().isEmpty()) {
            text.append(" Left ").append(change.skipped().size()).append(" as they were: ");
            text.append(String.join("; ", change.skipped().stream().map(skipped -> profile.formatDate(skipped.date())
                    + " — " + skipped.reason()).toList()));
        }
        return text.toString();
    }

    /** Opens Reschedule for a session: date and time, "this and following" for a series, Undo after. */
    public static void openReschedule(SessionEditingService editing, SessionSeriesService series,
            BusinessProfile profile, long sessionId, long seenVersion, Runnable onMoved) {
        new RescheduleDialog(editing, series, profile, sessionId, seenVersion, onMoved).open();
    }
}
