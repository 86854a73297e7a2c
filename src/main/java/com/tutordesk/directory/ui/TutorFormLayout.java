package com.tutordesk.directory.ui;

import com.tutordesk.people.SubjectRow;
import com.tutordesk.people.Tutor;
import com.tutordesk.people.TutorDetails;
import com.tutordesk.people.TutorForm;
import com.tutordesk.people.TutorService.EnhancedAccessChoice;
import com.tutordesk.shared.Fields;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The tutor form (add dialog and tutor page), validated at each field with the entity's limits. */
class TutorFormLayout extends FormLayout {

    static final class Bean {
        String name = "";
        String email = "";
        String phone = "";
        Set<SubjectRow> subjects = new HashSet<>();
        EnhancedAccessChoice enhancedAccess = EnhancedAccessChoice.DEFAULT;
    }

    final TextField name = new TextField("Name");
    final EmailField email = Ui.emailField("Email", Tutor.EMAIL_MAX_LENGTH,
            "Email must be a valid address such as name@example.org");
    final TextField phone = new TextField("Phone");
    final MultiSelectComboBox<SubjectRow> subjects = new MultiSelectComboBox<>("Subjects taught");
    final RadioButtonGroup<EnhancedAccessChoice> enhancedAccess = new RadioButtonGroup<>("Enhanced Access");
    final Binder<Bean> binder = new Binder<>();
    final Ui.FieldErrors errors = new Ui.FieldErrors();

    TutorFormLayout(List<SubjectRow> subjectChoices, boolean businessDefault) {
        name.setMaxLength(Tutor.NAME_MAX_LENGTH);
        name.setRequiredIndicatorVisible(true);
        email.setMaxLength(Tutor.EMAIL_MAX_LENGTH);
        email.setRequiredIndicatorVisible(true);
        email.setHelperText("Contact email; the login is set up separately");
        phone.setMaxLength(Tutor.PHONE_MAX_LENGTH);
        subjects.setItems(subjectChoices);
        subjects.setItemLabelGenerator(SubjectRow::name);
        enhancedAccess.setItems(EnhancedAccessChoice.values());
        enhancedAccess.setItemLabelGenerator(choice -> switch (choice) {
            case DEFAULT -> "Business default (" + (businessDefault ? "on" : "off") + ")";
            case ON -> "On";
            case OFF -> "Off";
        });
        enhancedAccess.setHelperText("With Enhanced Access a tutor manages the clients they add, and sees client"
                + " rates on their own sessions");

        binder.forField(name).asRequired("Name is required")
                .withValidator(v -> v.strip().length() <= Tutor.NAME_MAX_LENGTH,
                        "Name must be at most " + Tutor.NAME_MAX_LENGTH + " characters")
                .bind(b -> b.name, (b, v) -> b.name = v);
        binder.forField(email).asRequired("Email is required")
                .withValidator(Fields::isEmail, "Email must be a valid address such as name@example.org")
                .bind(b -> b.email, (b, v) -> b.email = v);
        binder.forField(phone)
                .withValidator(v -> v.isBlank() || Fields.isPhone(v),
                        "Phone may contain only digits, spaces, + - ( ) . / and an extension")
                .bind(b -> b.phone, (b, v) -> b.phone = v);
        binder.forField(subjects).bind(b -> b.subjects, (b, v) -> b.subjects = new HashSet<>(v));
        binder.forField(enhancedAccess).asRequired().bind(b -> b.enhancedAccess, (b, v) -> b.enhancedAccess = v);
        binder.readBean(new Bean());
        errors.add("name", name).add("email", email).add("phone", phone).add("subjects", subjects);

        add(name, email, phone, subjects, enhancedAccess);
        setColspan(subjects, 2);
        setColspan(enhancedAccess, 2);
    }

    void read(TutorDetails tutor, List<SubjectRow> subjectChoices) {
        Bean bean = new Bean();
        bean.name = tutor.name();
        bean.email = tutor.email();
        bean.phone = tutor.phone() == null ? "" : tutor.phone();
        Set<Long> taught = tutor.subjects().stream().map(TutorDetails.SubjectRef::id).collect(Collectors.toSet());
        bean.subjects = subjectChoices.stream().filter(s -> taught.contains(s.id())).collect(Collectors.toSet());
        bean.enhancedAccess = EnhancedAccessChoice.of(tutor.enhancedAccessOverride());
        binder.readBean(bean);
    }

    /** @return the form, or empty when a field is invalid (the message is at the field) */
    Optional<TutorForm> write() {
        Bean bean = new Bean();
        try {
            binder.writeBean(bean);
        } catch (ValidationException e) {
            return Optional.empty();
        }
        return Optional.of(new TutorForm(bean.name, bean.email, bean.phone,
                bean.subjects.stream().map(SubjectRow::id).collect(Collectors.toSet()), bean.enhancedAccess.override()));
    }

    void setReadOnlyForm(boolean readOnly) {
        binder.setReadOnly(readOnly);
    }
}
