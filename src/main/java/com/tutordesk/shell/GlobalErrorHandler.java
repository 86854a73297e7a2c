package com.tutordesk.shell;

import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one handler for failures in UI events (clicks, value changes): a broken rule or a stale edit
 * is told plainly; anything unexpected is logged with an error id and the person sees that id,
 * never a stack trace.
 */
@Component
class GlobalErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalErrorHandler.class);
    /** The log field (MDC key) that carries the error id. */
    static final String ERROR_ID_KEY = "errorId";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        String message = messageFor(event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> {
                Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
                notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            });
        }
    }

    /** @return what to tell the person; logs unexpected failures with an error id */
    static String messageFor(Throwable throwable) {
        Throwable cause = rootOfInterest(throwable);
        if (cause instanceof RuleViolationException || cause instanceof IllegalArgumentException) {
            return cause.getMessage();
        }
        if (cause instanceof NotFoundException) {
            return "That record was not found. It may have been deleted.";
        }
        if (cause instanceof AccessDeniedException) {
            return "You are not allowed to do that.";
        }
        if (cause instanceof OptimisticLockingFailureException) {
            return "Someone else changed this record in the meantime. Reload the page to see their changes.";
        }
        String errorId = ErrorIds.next();
        // As a field of its own in JSON logs (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs): the line, with its
        // stack trace in it, is found by the id a person reads out.
        try (var ignored = MDC.putCloseable(ERROR_ID_KEY, errorId)) {
            log.error("Unexpected error, error id {}", errorId, throwable);
        }
        return "Something went wrong and it was not your fault. Please try again; if it keeps happening, "
                + "tell support the error id " + errorId + ".";
    }

    private static Throwable rootOfInterest(Throwable throwable) {
        Throwable current = throwable;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current instanceof RuleViolationException || current instanceof NotFoundException
                    || current instanceof AccessDeniedException || current instanceof OptimisticLockingFailureException
                    || current instanceof IllegalArgumentException) {
                return current;
            }
            current = current.getCause();
        }
        return throwable;
    }
}
