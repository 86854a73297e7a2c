package com.tutordesk.portal.ui;

import com.tutordesk.people.Client;
import com.tutordesk.people.ContactCorrection;
import com.tutordesk.people.FamilyContact;
import com.tutordesk.people.FamilyContactService;
import com.tutordesk.portal.PortalEmailChangeService;
import com.tutordesk.security.ClientSignInEmailService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.shared.InvalidFieldException;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * "Your details" on the family's home (issue 18): the billing contact's name, phone and address,
 * saved at once (each refusal shown at its field), and the email, which changes only after the
 * family opens the confirmation link sent to the new address. A save over a change the office made
 * meanwhile is refused with a way out (reload), never applied over it.
 */
class PortalDetailsSection extends Section {

    static final String CHANGED_MEANWHILE = "The office changed your details since you opened this page, so"
            + " nothing was saved. Reload the page to see their change, then correct again.";

    final TextField name = new TextField("Your name");
    final TextField phone = new TextField("Phone");
    final TextArea address = new TextArea("Address");
    final Button save = new Button("Save details");
    final Paragraph problem = new Paragraph();
    final EmailField newEmail = new EmailField("New email");
    final Button sendLink = new Button("Send confirmation link");
    final Paragraph emailState = new Paragraph();

    private final FamilyContactService contacts;
    private final PortalEmailChangeService emailChanges;
    private final BusinessProfile business;
    private final Map<String, HasValidation> fields;
    private FamilyContact contact;

    PortalDetailsSection(FamilyContactService contacts, PortalEmailChangeService emailChanges, BusinessProfile business) {
        this.contacts = contacts;
        this.emailChanges = emailChanges;
        this.business = business;
        this.fields = Map.of("contactName", name, "contactPhone", phone, "address", address, "email", newEmail);
        setId("portal-details");
        addClassName("portal-section");
        contact = contacts.mine();

        // No maxlength on these inputs: the browser would cut a longer text silently; the service says so.
        name.setId("portal-details-name");
        name.setRequiredIndicatorVisible(true);
        phone.setId("portal-details-phone");
        phone.setHelperText("Digits, spaces, + - ( ) . / and an extension");
        address.setId("portal-details-address");
        address.setHelperText("Where invoices are addressed");
        for (var field : new com.vaadin.flow.component.HasSize[] {name, phone, address, newEmail}) {
            field.setWidthFull();
        }
        save.setId("portal-details-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        problem.setId("portal-details-problem");
        problem.addClassName("portal-problem");
        problem.setVisible(false);
        Div saveRow = new Div(save);
        saveRow.addClassName("portal-actions");
        read();

        Paragraph email = new Paragraph();
        email.setId("portal-details-email");
        email.setText("Email: " + contact.contactEmail() + " — invoices and messages go there, and you sign in"
                + " with it.");
        newEmail.setId("portal-details-new-email");
        newEmail.setMaxLength(Client.EMAIL_MAX_LENGTH);
        newEmail.setHelperText("We email a link to the new address; the change takes effect when you open it.");
        newEmail.setI18n(new EmailField.EmailFieldI18n()
                .setPatternErrorMessage("New email must be a valid address such as name@example.org"));
        sendLink.setId("portal-details-send-link");
        sendLink.addClickListener(click -> requestEmail());
        emailState.setId("portal-details-email-state");
        showPending();
        Div linkRow = new Div(sendLink);
        linkRow.addClassName("portal-actions");

        add(new H2("Your details"), problem, name, phone, address, saveRow, email, newEmail, linkRow, emailState);
    }

    private void read() {
        name.setValue(contact.contactName());
        phone.setValue(contact.phone() == null ? "" : contact.phone());
        address.setValue(contact.address() == null ? "" : contact.address());
    }

    void save() {
        clearErrors();
        try {
            contact = contacts.correct(contact.clientId(), contact.version(),
                    new ContactCorrection(name.getValue(), phone.getValue(), address.getValue()));
        } catch (InvalidFieldException refused) {
            showAtField(refused);
            return;
        } catch (OptimisticLockingFailureException stale) {
            problem.setText(CHANGED_MEANWHILE);
            problem.setVisible(true);
            return;
        }
        read();
        Notification.show("Your details are saved", 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    void requestEmail() {
        clearErrors();
        String outcome;
        try {
            outcome = emailChanges.request(contact.clientId(), newEmail.getValue());
        } catch (InvalidFieldException refused) {
            showAtField(refused);
            return;
        }
        newEmail.clear();
        showPending();
        // The outbox's own words ("queued for …", or "held: …"): never "sent" before it was.
        emailState.setText(outcome + ". Open the link in it to make it your email; until then you keep using "
                + contact.contactEmail() + ".");
    }

    private void showPending() {
        Optional<ClientSignInEmailService.Preview> pending = emailChanges.pending(contact.clientId());
        emailState.setVisible(pending.isPresent());
        pending.ifPresent(change -> emailState.setText("Waiting for you to confirm " + change.newEmail()
                + " from the link we emailed there (it works until " + business.formatDateTime(change.expiresAt())
                + ")."));
    }

    private void showAtField(InvalidFieldException refused) {
        HasValidation field = fields.get(refused.field());
        if (field == null) {
            problem.setText(refused.getMessage());
            problem.setVisible(true);
            return;
        }
        field.setErrorMessage(refused.getMessage());
        field.setInvalid(true);
    }

    private void clearErrors() {
        problem.setVisible(false);
        fields.values().forEach(field -> field.setInvalid(false));
    }
}
