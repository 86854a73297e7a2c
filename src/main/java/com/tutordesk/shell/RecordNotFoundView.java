package com.tutordesk.shell;

import com.tutordesk.shared.NotFoundException;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** Shown when a view's service says a record does not exist or is not the user's to see. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class RecordNotFoundView extends Div implements HasErrorParameter<NotFoundException>,
        com.vaadin.flow.router.HasDynamicTitle {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        addClassName("not-found");
        NotFoundView.NotFoundContent.fill(this);
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return "Not found · Tutordesk";
    }
}
