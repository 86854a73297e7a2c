package com.tutordesk.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Not found" for unknown addresses and for pages the user may not open: both look the same so
 * that guessing an address tells nothing (domain.md "Roles").
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException>,
        com.vaadin.flow.router.HasDynamicTitle {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        addClassName("not-found");
        NotFoundContent.fill(this);
        return HttpServletResponse.SC_NOT_FOUND;
    }

    /** Shared content of the two not-found pages. */
    static final class NotFoundContent {

        private NotFoundContent() {
        }

        static void fill(com.vaadin.flow.component.HasComponents page) {
            page.removeAll();
            page.add(new H2("Not found"),
                    new Paragraph("There is nothing here, or it is not yours to see."),
                    new Anchor("", "Back to the home page"));
        }
    }

    @Override
    public String getPageTitle() {
        return "Not found · Tutordesk";
    }
}
