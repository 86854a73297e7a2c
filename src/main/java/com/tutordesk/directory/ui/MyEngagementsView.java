package com.tutordesk.directory.ui;

import com.tutordesk.security.CurrentUserService;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;

/** "My engagements" for tutors: their own tutor page (profile, engagements, recent sessions). */
@Route("my-engagements")
@PageTitle("My engagements · Tutordesk")
@Menu(title = "My engagements", order = 10, icon = "vaadin:academy-cap")
@RolesAllowed("TUTOR")
class MyEngagementsView extends Main implements BeforeEnterObserver {

    private final CurrentUserService currentUsers;

    MyEngagementsView(CurrentUserService currentUsers) {
        this.currentUsers = currentUsers;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(TutorView.class, new RouteParameters("id", String.valueOf(currentUsers.require().tutorId())));
    }
}
