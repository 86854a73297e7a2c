package com.tutordesk.security.ui;

import com.tutordesk.security.TemporaryPassword;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * Shows a temporary password once, after an invite or reset. The admin passes it on; the login
 * must replace it at its next sign-in. It is not stored in clear anywhere, so closing this dialog
 * is the last chance to read it.
 */
public class TemporaryPasswordDialog extends Dialog {

    /** The password as shown, for tests and for copying. */
    final Span password;

    public TemporaryPasswordDialog(TemporaryPassword temporary) {
        setHeaderTitle("Temporary password");
        password = new Span(temporary.password());
        password.addClassName("temporary-password");
        add(new Paragraph("Sign-in email: " + temporary.email()),
                new Paragraph(new Span("Temporary password: "), password),
                new Paragraph("This password is shown only now. Pass it on privately; it must be changed at the next"
                        + " sign-in."));
        Button done = new Button("Done", e -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
        setCloseOnOutsideClick(false);
    }

    /** @return the temporary password shown */
    public String shownPassword() {
        return password.getText();
    }
}
