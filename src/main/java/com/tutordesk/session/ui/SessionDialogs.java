package com.tutordesk.session.ui;

import com.tutordesk.security.CurrentUser;
import com.tutordesk.session.SessionLoggingService;
import com.tutordesk.settings.BusinessProfile;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Consumer;
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
}
