package com.tutordesk.portal.ui;

import com.tutordesk.prepaid.PrepaidService;
import com.tutordesk.billing.FamilyInvoiceService;
import com.tutordesk.payment.FamilyCardService;
import com.tutordesk.people.FamilyContactService;
import com.tutordesk.portal.PortalEmailChangeService;
import com.tutordesk.portal.PortalService;
import com.tutordesk.schedule.CalendarFeedService;
import com.tutordesk.schedule.ui.CalendarFeedSection;
import com.tutordesk.security.ClientAccessible;
import com.tutordesk.session.FamilySessionService;
import com.tutordesk.session.FamilySessionService.FamilySession;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.RuleViolationException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * A family's home (issue 18, domain.md "Client portal"): their students' upcoming sessions, past
 * sessions with the reports that were sent, invoices with Pay now, payments, the card on file, and
 * "Your details" (contact details the family may correct). Everything comes from the family services,
 * which read and change only this family's records.
 */
@Route(value = ClientAccessible.PORTAL_HOME, layout = PortalLayout.class)
@PageTitle("Family portal · Tutordesk")
@RolesAllowed("CLIENT")
@ClientAccessible
class PortalHomeView extends Div implements BeforeEnterObserver {

    private final PortalService portal;
    private final FamilySessionService sessions;
    private final FamilyInvoiceService invoices;
    private final SettingsService settings;
    private final CalendarFeedService feeds;
    private final FamilyCardService cards;
    private final PrepaidService prepaid;
    private final FamilyContactService contacts;
    private final PortalEmailChangeService emailChanges;

    PortalHomeView(PortalService portal, FamilySessionService sessions, FamilyInvoiceService invoices,
            SettingsService settings, CalendarFeedService feeds, FamilyCardService cards, PrepaidService prepaid,
            FamilyContactService contacts, PortalEmailChangeService emailChanges) {
        this.prepaid = prepaid;
        this.contacts = contacts;
        this.emailChanges = emailChanges;
        this.feeds = feeds;
        this.cards = cards;
        this.portal = portal;
        this.sessions = sessions;
        this.invoices = invoices;
        this.settings = settings;
        addClassName("portal-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        BusinessProfile business = settings.profile();
        PortalService.Family family = portal.family();
        H1 hello = new H1("Hello, " + family.contactName());
        Paragraph subtitle = new Paragraph(family.clientName() + " · times in "
                + business.zone().getId().replace('_', ' '));
        subtitle.addClassName("subtitle");
        add(hello, subtitle, upcoming(business), past(business), invoiceList(business), packages(),
                payments(business), card(), new PortalDetailsSection(contacts, emailChanges, business),
                new CalendarFeedSection.Section(feeds));
    }

    private Component upcoming(BusinessProfile business) {
        Section section = section("portal-upcoming", "Upcoming sessions");
        List<FamilySession> upcoming = sessions.upcoming();
        if (upcoming.isEmpty()) {
            section.add(empty("No sessions scheduled."));
        }
        for (FamilySession session : upcoming) {
            Div card = card(session, business);
            card.addClassName("portal-upcoming-session");
            section.add(card);
        }
        return section;
    }

    private Component past(BusinessProfile business) {
        Section section = section("portal-past", "Past sessions and reports");
        List<FamilySession> past = sessions.past();
        if (past.isEmpty()) {
            section.add(empty("No past sessions yet."));
        }
        for (FamilySession session : past) {
            Div card = card(session, business);
            card.addClassName("portal-past-session");
            if (session.hasReport()) {
                RouterLink read = new RouterLink("Read the session report", PortalSessionView.class,
                        new RouteParameters("sessionId", String.valueOf(session.id())));
                read.addClassName("portal-read-report");
                card.add(read);
            }
            section.add(card);
        }
        return section;
    }

    private Component invoiceList(BusinessProfile business) {
        Section section = section("portal-invoices", "Invoices");
        List<FamilyInvoiceService.Summary> list = invoices.invoices();
        if (list.isEmpty()) {
            section.add(empty("No invoices yet."));
        }
        for (FamilyInvoiceService.Summary invoice : list) {
            RouterLink number = new RouterLink(invoice.number(), PortalInvoiceView.class,
                    new RouteParameters("invoiceId", String.valueOf(invoice.id())));
            number.addClassName("portal-invoice-number");
            Div head = new Div(number, PortalFormat.badge(invoice.status()));
            head.addClassName("portal-card-head");
            Span amounts = new Span(business.formatMoney(invoice.totalMinor()) + " · due "
                    + business.formatDate(invoice.dueDate()));
            Div card = new Div(head, amounts);
            card.addClassNames("portal-card", "portal-invoice");
            if (invoice.payLink() != null) {
                Anchor pay = new Anchor(invoice.payLink().toString(), "Pay now");
                pay.setTarget(AnchorTarget.BLANK);
                pay.addClassName("portal-button");
                card.add(pay);
            }
            section.add(card);
        }
        return section;
    }

    /** Prepaid hours (issue 17): bought, used and left per package, as h:mm, and the package's state. */
    private Component packages() {
        return oneLineCards("portal-packages", "Prepaid hours", prepaid.familyBalances(), "No prepaid packages.",
                "portal-package", balance -> balance.studentName() + " · " + balance.engagementLabel() + " · "
                        + BusinessProfile.formatDuration(balance.minutesLeft()) + " left of "
                        + BusinessProfile.formatDuration(balance.minutesBought()) + " · " + balance.state().label());
    }

    private Component payments(BusinessProfile business) {
        return oneLineCards("portal-payments", "Payments", invoices.payments(), "No payments yet.", "portal-payment",
                payment -> business.formatDate(payment.paidOn()) + " · " + business.formatMoney(payment.amountMinor())
                        + " · " + payment.method().label() + " · " + payment.invoiceNumber()
                        + (payment.undone() ? " (undone)" : ""));
    }

    /** A section of one card per item, each a line of text, or {@code emptyText} when there are none. */
    private static <T> Section oneLineCards(String id, String title, List<T> items, String emptyText,
            String cardClass, java.util.function.Function<T, String> line) {
        Section section = section(id, title);
        if (items.isEmpty()) {
            section.add(empty(emptyText));
        }
        for (T item : items) {
            Div card = new Div(new Span(line.apply(item)));
            card.addClassNames("portal-card", cardClass);
            section.add(card);
        }
        return section;
    }

    private Component card() {
        Section section = section("portal-card-on-file", "Card on file");
        FamilyCardService.FamilyCard card = cards.myCard();
        Paragraph facts = new Paragraph((card.card() == null ? "No card saved"
                : card.card().label() + " · expires " + card.card().expiry())
                + (card.autopay() ? " · invoices are charged to it automatically" : ""));
        facts.setId("portal-card-facts");
        section.add(facts);
        if (card.maySwitchAutopay()) {
            Checkbox autopay = new Checkbox("Charge my invoices to this card automatically", card.autopay());
            autopay.setId("portal-autopay");
            autopay.setEnabled(card.card() != null || card.autopay());
            autopay.addValueChangeListener(change -> {
                if (!change.isFromClient()) {
                    return;
                }
                try {
                    cards.setMyAutopay(change.getValue());
                    Notification.show(change.getValue() ? "Automatic payments on: invoices are charged to your card"
                            : "Automatic payments off: invoices come with a Pay now link", 4000,
                            Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } catch (RuleViolationException refused) {
                    autopay.setValue(change.getOldValue());
                    Notification.show(refused.getMessage(), 8000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            section.add(autopay);
        }
        if (card.setupLink() != null) {
            // The office's hosted Stripe setup page: the card number never reaches this app.
            Anchor setup = new Anchor(card.setupLink().toString(), card.card() == null ? "Save a card" : "Replace the card");
            setup.setId("portal-card-setup");
            setup.addClassName("portal-button");
            section.add(setup);
        }
        return section;
    }

    static Div card(FamilySession session, BusinessProfile business) {
        Div head = new Div(new Span(PortalFormat.when(business, session.startsAt())), PortalFormat.badge(session));
        head.addClassName("portal-card-head");
        Div card = new Div(head, new Div(PortalFormat.what(session)));
        if (session.location() != null && !session.location().isBlank()) {
            card.add(new Div("Location: " + session.location()));
        }
        card.addClassName("portal-card");
        return card;
    }

    private static Section section(String id, String title) {
        Section section = new Section(new H2(title));
        section.setId(id);
        section.addClassName("portal-section");
        return section;
    }

    private static Paragraph empty(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.addClassName("subtitle");
        return paragraph;
    }
}
