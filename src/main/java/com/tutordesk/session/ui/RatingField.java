package com.tutordesk.session.ui;

import com.tutordesk.session.TutoringSession;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.List;

/**
 * A 1–5 star rating that can be cleared: five star buttons (each says which rating it gives, for
 * screen readers) and a "Clear" button. The value is 1–5 or {@code null}.
 */
class RatingField extends CustomField<Integer> {

    final List<Button> stars = new ArrayList<>();
    final Button clear = new Button("Clear");
    final Span summary = new Span();
    private Integer value;

    RatingField(String label) {
        setLabel(label);
        addClassName("rating-field");
        Div row = new Div();
        row.addClassName("rating-stars");
        for (int n = TutoringSession.MIN_RATING; n <= TutoringSession.MAX_RATING; n++) {
            int rating = n;
            Button star = new Button(VaadinIcon.STAR_O.create(), e -> choose(rating));
            star.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            star.setAriaLabel("Rate " + n + " of " + TutoringSession.MAX_RATING);
            star.addClassName("rating-star");
            star.setId("rating-" + n);
            stars.add(star);
            row.add(star);
        }
        summary.addClassName("rating-summary");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        clear.addClickListener(e -> choose(null));
        clear.setId("rating-clear");
        row.add(summary, clear);
        add(row);
        paint();
    }

    private void choose(Integer rating) {
        value = rating;
        paint();
        updateValue();
    }

    @Override
    protected Integer generateModelValue() {
        return value;
    }

    @Override
    protected void setPresentationValue(Integer rating) {
        value = rating;
        paint();
    }

    private void paint() {
        for (int i = 0; i < stars.size(); i++) {
            boolean on = value != null && i < value;
            Button star = stars.get(i);
            star.setIcon((on ? VaadinIcon.STAR : VaadinIcon.STAR_O).create());
            star.getElement().setAttribute("aria-pressed", String.valueOf(value != null && i + 1 == value));
            star.getElement().getClassList().set("rating-star-on", on);
        }
        summary.setText(value == null ? "Not rated" : value + " of " + TutoringSession.MAX_RATING);
        clear.setVisible(value != null);
    }
}
