package com.tutordesk.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** Shown when opening a page fails unexpectedly: a plain message with the error id, no stack trace. */
@AnonymousAllowed
public class ServerErrorView extends Div implements HasErrorParameter<Exception> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        addClassName("server-error");
        String message = GlobalErrorHandler.messageFor(parameter.getCaughtException());
        add(new H2("This page could not be opened"), new Paragraph(message), new Anchor("", "Back to the home page"));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
