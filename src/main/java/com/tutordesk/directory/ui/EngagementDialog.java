package com.tutordesk.directory.ui;

import com.tutordesk.engagement.DuplicateEngagementException;
import com.tutordesk.engagement.Engagement;
import com.tutordesk.engagement.EngagementForm;
import com.tutordesk.engagement.EngagementService;
import com.tutordesk.people.StudentRow;
import com.tutordesk.people.SubjectRow;
import com.tutordesk.people.TutorDetails;
import com.tutordesk.settings.BusinessProfile;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.RouteParameters;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * "New engagement", opened from a tutor's page (tutor fixed) or a client's page (students of that
 * client). A duplicate tutor + student + subject is refused with a link to the existing engagement.
 */
class EngagementDialog extends Dialog {

    static final class Bean {
        TutorDetails tutor;
        StudentRow student;
        SubjectRow subject;
        BigDecimal clientRate;
        BigDecimal tutorWage;
        Integer duration = Engagement.DEFAULT_DURATION_MINUTES;
    }

    final ComboBox<TutorDetails> tutor = new ComboBox<>("Tutor");
    final ComboBox<StudentRow> student = new ComboBox<>("Student");
    final ComboBox<SubjectRow> subject = new ComboBox<>("Subject");
    final BigDecimalField clientRate = new BigDecimalField("Client rate");
    final BigDecimalField tutorWage = new BigDecimalField("Tutor wage");
    final IntegerField duration = new IntegerField("Default length (minutes)");
    final Button create = new Button("Create engagement");
    final Paragraph duplicate = new Paragraph();
    private final Binder<Bean> binder = new Binder<>();
    private final Ui.FieldErrors errors = new Ui.FieldErrors();

    /**
     * @param tutors   tutors to choose from (one entry = fixed)
     * @param students students to choose from, by search text (fetches one page)
     */
    EngagementDialog(EngagementService engagements, BusinessProfile profile, List<TutorDetails> tutors,
            Function<String, List<StudentRow>> students, List<SubjectRow> subjects) {
        setHeaderTitle("New engagement");
        tutor.setItems(tutors);
        tutor.setItemLabelGenerator(TutorDetails::name);
        if (tutors.size() == 1) {
            tutor.setValue(tutors.getFirst());
            tutor.setReadOnly(true);
        }
        student.setItems(query -> students.apply(query.getFilter().orElse("")).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        student.setItemLabelGenerator(s -> s.name() + " (" + s.clientName() + ")");
        subject.setItems(subjects);
        subject.setItemLabelGenerator(SubjectRow::name);
        duration.setHelperText(Engagement.MIN_DURATION_MINUTES + "–" + Engagement.MAX_DURATION_MINUTES + " minutes");

        binder.forField(tutor).asRequired("Tutor is required").bind(b -> b.tutor, (b, v) -> b.tutor = v);
        binder.forField(student).asRequired("Student is required").bind(b -> b.student, (b, v) -> b.student = v);
        binder.forField(subject).asRequired("Subject is required").bind(b -> b.subject, (b, v) -> b.subject = v);
        Ui.bindRate(binder, clientRate, profile, Engagement.MAX_RATE_MINOR, b -> b.clientRate, (b, v) -> b.clientRate = v);
        Ui.bindRate(binder, tutorWage, profile, Engagement.MAX_RATE_MINOR, b -> b.tutorWage, (b, v) -> b.tutorWage = v);
        binder.forField(duration).asRequired("Default length is required")
                .withValidator(v -> v >= Engagement.MIN_DURATION_MINUTES && v <= Engagement.MAX_DURATION_MINUTES,
                        "Default length must be " + Engagement.MIN_DURATION_MINUTES + "–"
                                + Engagement.MAX_DURATION_MINUTES + " minutes")
                .bind(b -> b.duration, (b, v) -> b.duration = v);
        Bean initial = new Bean();
        initial.tutor = tutor.getValue();
        binder.readBean(initial);
        errors.add("tutor", tutor).add("student", student).add("subject", subject).add("clientRate", clientRate)
                .add("tutorWage", tutorWage).add("duration", duration);

        duplicate.addClassName("form-error");
        duplicate.setVisible(false);
        FormLayout form = new FormLayout(tutor, student, subject, duration, clientRate, tutorWage);
        add(form, duplicate);

        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create(engagements, profile));
        Ui.oneClickAtATime(create);
        getFooter().add(new Button("Cancel", e -> close()), create);
        setWidth("44rem");
    }

    void create(EngagementService engagements, BusinessProfile profile) {
        Bean bean = new Bean();
        try {
            binder.writeBean(bean);
        } catch (ValidationException e) {
            return;
        }
        duplicate.setVisible(false);
        EngagementForm form = new EngagementForm(bean.tutor.id(), bean.student.id(), bean.subject.id(),
                Ui.minor(bean.clientRate, profile), Ui.minor(bean.tutorWage, profile), bean.duration);
        long[] id = new long[1];
        DuplicateEngagementException[] existing = new DuplicateEngagementException[1];
        boolean created = errors.run(() -> {
            try {
                id[0] = engagements.create(form);
            } catch (DuplicateEngagementException e) {
                existing[0] = e;
            }
        });
        if (existing[0] != null) {
            duplicate.removeAll();
            duplicate.add(existing[0].getMessage() + " ");
            duplicate.add(new Anchor("engagements/" + existing[0].existingId(), "Open the existing engagement"));
            duplicate.setVisible(true);
        } else if (created) {
            close();
            Ui.success("Engagement created");
            getUI().ifPresent(ui -> ui.navigate(EngagementView.class, new RouteParameters("id", String.valueOf(id[0]))));
        }
    }
}
