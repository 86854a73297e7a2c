package com.tutordesk.schedule.ui;

import com.tutordesk.schedule.CalendarFeedService;
import com.tutordesk.security.AccountPageSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;

/**
 * "Calendar feed" on My account: the person's private iCalendar address with Copy, and "Make a new
 * address", which revokes the old one (issue 14 "Calendar feeds").
 */
@org.springframework.stereotype.Component
public class CalendarFeedSection implements AccountPageSection {

    private final CalendarFeedService feeds;

    CalendarFeedSection(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    @Override
    public Component create() {
        return new Section(feeds);
    }

    /**
     * The section itself (fields package-visible for tests); the family portal shows it too, for the
     * family's own feed (issue 18).
     */
    public static final class Section extends Div {

        final TextField address = new TextField("Calendar address");
        final Button copy = new Button("Copy", VaadinIcon.COPY.create());
        final Button make = new Button();
        private final CalendarFeedService feeds;

        public Section(CalendarFeedService feeds) {
            this.feeds = feeds;
            addClassName("calendar-feed-section");
            setId("calendar-feed");
            address.setReadOnly(true);
            address.setWidthFull();
            address.setId("calendar-feed-address");
            address.setHelperText("Anyone with this address can read these sessions: keep it to your own calendar apps.");
            copy.setId("calendar-feed-copy");
            copy.addClickListener(e -> {
                address.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)",
                        address.getValue());
                Notification.show("Address copied", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            });
            make.setId("calendar-feed-new");
            make.addClickListener(e -> confirmNew());
            HorizontalLayout buttons = new HorizontalLayout(copy, make);
            add(new H3("Calendar feed"), new Paragraph("Subscribe to " + feeds.describeMyFeed() + " (30 days back to"
                    + " 180 days ahead) in Google Calendar, Outlook or Apple Calendar with this private address. Times"
                    + " are in UTC with the business's time zone; amounts and internal notes are never included."),
                    address, buttons);
            show(feeds.myToken().orElse(null));
        }

        private void show(String token) {
            boolean has = token != null;
            address.setValue(has ? url(token) : "");
            address.setVisible(has);
            copy.setVisible(has);
            make.setText(has ? "Make a new address" : "Make my calendar address");
            if (!has) {
                make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else {
                make.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
        }

        private void confirmNew() {
            if (address.getValue().isEmpty()) {
                show(feeds.newToken());
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog("Make a new address?", "The current address stops working at"
                    + " once: calendars subscribed to it stop updating until you subscribe them to the new one.",
                    "Make a new address", e -> {
                        show(feeds.newToken());
                        Notification.show("New address made; the old one no longer works.", 4000,
                                Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    }, "Cancel", e -> { });
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        }

        /** @return the address as this browser reaches the app, e.g. "https://tutors.example/calendar/….ics" */
        static String url(String token) {
            String path = "/calendar/" + token + ".ics";
            if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request) {
                var http = request.getHttpServletRequest();
                boolean defaultPort = (http.getScheme().equals("http") && http.getServerPort() == 80)
                        || (http.getScheme().equals("https") && http.getServerPort() == 443);
                return http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + http.getServerPort())
                        + http.getContextPath() + path;
            }
            return path;
        }
    }
}
