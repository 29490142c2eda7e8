package fr.passerelle.cohort.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import fr.passerelle.base.ui.component.Confirmation;
import java.util.function.Predicate;

/**
 * Asks for the reason of an irreversible move (a cohort cancelled, a participant who drops out), then for a
 * confirmation. The reason must not identify anyone: the field says so. The action answers whether it went through
 * (a refusal is shown by the caller) and the dialog closes when it did.
 */
class ReasonDialog extends Dialog {

    final TextArea reason = new TextArea();

    ReasonDialog(String header, String label, int maxLength, String confirmText, String confirmLabel, Predicate<String> action) {
        setHeaderTitle(header);
        setWidth("min(32rem, 95vw)");
        reason.setLabel(label);
        reason.setHelperText(getTranslation("cohort.field.no-identifying-content"));
        reason.setMaxLength(maxLength);
        reason.setRequiredIndicatorVisible(true);
        reason.setWidthFull();
        add(reason);
        var confirm = new Button(confirmLabel, e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage(getTranslation("cohort.error.required"));
                reason.setInvalid(true);
                return;
            }
            Confirmation.ask(header, confirmText, confirmLabel, () -> {
                if (action.test(reason.getValue())) {
                    close();
                }
            });
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
    }
}
