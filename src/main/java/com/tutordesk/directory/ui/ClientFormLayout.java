package com.tutordesk.directory.ui;

import com.tutordesk.people.Client;
import com.tutordesk.people.ClientForm;
import com.tutordesk.shared.Fields;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.Optional;

/**
 * The client form: name, billing contact (a parent/guardian, or "the student pays" for adults),
 * and address, validated at each field with the entity's limits. Autopay is not edited here: it needs
 * a card on file and is switched on the client page's card section (issue 8); the form passes the
 * stored value back unchanged.
 */
class ClientFormLayout extends FormLayout {

    static final class Bean {
        String name = "";
        boolean studentPays;
        String contactName = "";
        String contactEmail = "";
        String contactPhone = "";
        String address = "";
        boolean autopay;
    }

    final TextField name = new TextField("Client name");
    final Checkbox studentPays = new Checkbox("The student pays (an adult student is their own billing contact)");
    final TextField contactName = new TextField("Parent/guardian name");
    final EmailField contactEmail = Ui.emailField("Parent/guardian email", Client.EMAIL_MAX_LENGTH,
            "Email must be a valid address such as name@example.org");
    final TextField contactPhone = new TextField("Phone");
    final TextArea address = new TextArea("Address");
    final Binder<Bean> binder = new Binder<>();
    final Ui.FieldErrors errors = new Ui.FieldErrors();
    private boolean autopay;

    ClientFormLayout(boolean creating) {
        // No maxlength on the inputs: the browser would cut a longer name silently (issue 12); the form says so.
        name.setRequiredIndicatorVisible(true);
        name.setHelperText("e.g. \"Chen family\", or the adult student's name");
        contactName.setRequiredIndicatorVisible(true);
        contactEmail.setMaxLength(Client.EMAIL_MAX_LENGTH);
        contactEmail.setRequiredIndicatorVisible(true);
        contactEmail.setHelperText("Invoices and session reports go here");
        contactPhone.setMaxLength(Client.PHONE_MAX_LENGTH);
        address.setMaxLength(Client.ADDRESS_MAX_LENGTH);
        studentPays.addValueChangeListener(e -> labels(e.getValue(), creating));
        labels(false, creating);

        binder.forField(name).asRequired("Client name is required")
                .withValidator(v -> v.strip().length() <= Client.NAME_MAX_LENGTH,
                        "Client name must be at most " + Client.NAME_MAX_LENGTH + " characters: shorten it")
                .bind(b -> b.name, (b, v) -> b.name = v);
        binder.forField(studentPays).bind(b -> b.studentPays, (b, v) -> b.studentPays = v);
        binder.forField(contactName).asRequired(b -> studentPays.getValue() ? "Student's name is required"
                        : "Billing contact name is required")
                .withValidator(v -> v.strip().length() <= Client.NAME_MAX_LENGTH,
                        "Name must be at most " + Client.NAME_MAX_LENGTH + " characters: shorten it")
                .bind(b -> b.contactName, (b, v) -> b.contactName = v);
        binder.forField(contactEmail).asRequired(b -> studentPays.getValue() ? "Student's email is required"
                        : "Billing contact email is required")
                .withValidator(Fields::isEmail, "Email must be a valid address such as name@example.org")
                .bind(b -> b.contactEmail, (b, v) -> b.contactEmail = v);
        binder.forField(contactPhone)
                .withValidator(v -> v.isBlank() || Fields.isPhone(v),
                        "Phone may contain only digits, spaces, + - ( ) . / and an extension")
                .bind(b -> b.contactPhone, (b, v) -> b.contactPhone = v);
        binder.forField(address).bind(b -> b.address, (b, v) -> b.address = v);
        binder.readBean(new Bean());
        errors.add("name", name).add("contactName", contactName).add("contactEmail", contactEmail)
                .add("contactPhone", contactPhone).add("address", address);

        add(name, studentPays, contactName, contactEmail, contactPhone, address);
        setColspan(studentPays, 2);
        setColspan(address, 2);
    }

    private void labels(boolean studentIsPaying, boolean creating) {
        contactName.setLabel(studentIsPaying ? "Student's name" : "Parent/guardian name");
        contactEmail.setLabel(studentIsPaying ? "Student's email" : "Parent/guardian email");
        contactName.setHelperText(studentIsPaying && creating ? "The student is added to the client too" : null);
    }

    void read(ClientForm form) {
        Bean bean = new Bean();
        bean.name = form.name();
        bean.studentPays = form.studentPays();
        bean.contactName = form.contactName();
        bean.contactEmail = form.contactEmail();
        bean.contactPhone = form.contactPhone() == null ? "" : form.contactPhone();
        bean.address = form.address() == null ? "" : form.address();
        autopay = form.autopay();
        binder.readBean(bean);
    }

    Optional<ClientForm> write() {
        Bean bean = new Bean();
        bean.autopay = autopay;
        try {
            binder.writeBean(bean);
        } catch (ValidationException e) {
            return Optional.empty();
        }
        return Optional.of(new ClientForm(bean.name, bean.contactName, bean.contactEmail, bean.contactPhone,
                bean.studentPays, bean.address, bean.autopay));
    }
}
