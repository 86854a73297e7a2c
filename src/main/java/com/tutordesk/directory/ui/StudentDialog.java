package com.tutordesk.directory.ui;

import com.tutordesk.people.Student;
import com.tutordesk.people.StudentForm;
import com.tutordesk.shared.Fields;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.function.Consumer;

/** Adds or edits a student of a client: name, grade or level, optional own email, notes. */
class StudentDialog extends Dialog {

    static final class Bean {
        String name = "";
        String gradeLevel = "";
        String email = "";
        String notes = "";
    }

    final TextField name = new TextField("Student name");
    final TextField gradeLevel = new TextField("Grade or level");
    final EmailField email = Ui.emailField("Student's own email (optional)", Student.EMAIL_MAX_LENGTH,
            "Student email must be a valid address such as name@example.org");
    final TextArea notes = new TextArea("Notes");
    final Button save = new Button();
    final Binder<Bean> binder = new Binder<>();
    final Ui.FieldErrors errors = new Ui.FieldErrors();

    /** @param onSave calls the service; field errors it throws are shown at the fields */
    StudentDialog(String title, StudentForm initial, Consumer<StudentForm> onSave) {
        setHeaderTitle(title);
        name.setMaxLength(Student.NAME_MAX_LENGTH);
        name.setRequiredIndicatorVisible(true);
        gradeLevel.setMaxLength(Student.GRADE_MAX_LENGTH);
        gradeLevel.setHelperText("e.g. Grade 9, College, Adult learner");
        email.setMaxLength(Student.EMAIL_MAX_LENGTH);
        notes.setMaxLength(Student.NOTES_MAX_LENGTH);
        binder.forField(name).asRequired("Student name is required")
                .withValidator(v -> v.strip().length() <= Student.NAME_MAX_LENGTH,
                        "Student name must be at most " + Student.NAME_MAX_LENGTH + " characters")
                .bind(b -> b.name, (b, v) -> b.name = v);
        binder.forField(gradeLevel).bind(b -> b.gradeLevel, (b, v) -> b.gradeLevel = v);
        binder.forField(email).withValidator(v -> v.isBlank() || Fields.isEmail(v),
                "Student email must be a valid address such as name@example.org")
                .bind(b -> b.email, (b, v) -> b.email = v);
        binder.forField(notes).bind(b -> b.notes, (b, v) -> b.notes = v);
        Bean bean = new Bean();
        if (initial != null) {
            bean.name = initial.name();
            bean.gradeLevel = initial.gradeLevel() == null ? "" : initial.gradeLevel();
            bean.email = initial.email() == null ? "" : initial.email();
            bean.notes = initial.notes() == null ? "" : initial.notes();
        }
        binder.readBean(bean);
        errors.add("name", name).add("gradeLevel", gradeLevel).add("email", email).add("notes", notes);

        FormLayout form = new FormLayout(name, gradeLevel, email, notes);
        form.setColspan(notes, 2);
        add(form);
        save.setText(initial == null ? "Add student" : "Save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            Bean values = new Bean();
            try {
                binder.writeBean(values);
            } catch (ValidationException ex) {
                return;
            }
            StudentForm form2 = new StudentForm(values.name, values.gradeLevel, values.email, values.notes);
            if (errors.run(() -> onSave.accept(form2))) {
                close();
            }
        });
        Ui.oneClickAtATime(save);
        getFooter().add(new Button("Cancel", e -> close()), save);
        setWidth("40rem");
    }
}
