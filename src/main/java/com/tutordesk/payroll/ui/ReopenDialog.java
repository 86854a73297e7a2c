package com.tutordesk.payroll.ui;

import com.tutordesk.payroll.PayrollApproval;
import com.tutordesk.shared.InvalidFieldException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;

/**
 * Asks for the reason before approved pay is reopened (it is recorded with the period). A missing
 * or too long reason is shown at the field; the dialog closes once {@code reopen} has run.
 */
class ReopenDialog extends Dialog {

    final TextArea reason = new TextArea("Reason");

    /**
     * @param reopen reopens with the reason given; may throw {@link InvalidFieldException} for the reason
     * @param after  runs once it has reopened (e.g. reload the page)
     */
    ReopenDialog(String title, String helper, Consumer<String> reopen, Runnable after) {
        setHeaderTitle(title);
        reason.setId("reopen-reason");
        reason.setWidthFull();
        reason.setMaxLength(PayrollApproval.REASON_MAX_LENGTH);
        reason.setHelperText(helper);
        add(reason);
        Button confirm = new Button("Reopen", click -> {
            try {
                reopen.accept(reason.getValue());
            } catch (InvalidFieldException e) {
                reason.setErrorMessage(e.getMessage());
                reason.setInvalid(true);
                return;
            }
            close();
            after.run();
        });
        confirm.setId("confirm-reopen");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), confirm);
    }
}
