package fr.passerelle.partner.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.partner.CompanySummary;
import fr.passerelle.partner.PartnerException;
import java.util.function.Consumer;

/**
 * Moving a company to "A décliné" needs the reason the company gave. The service checks it; its
 * error shows next to the field.
 */
class DeclineReasonDialog extends Dialog {

    private final TextArea reason = new TextArea();
    private final Consumer<String> onConfirm;

    /** {@code onConfirm} moves the company; it throws {@link PartnerException} when the move is refused. */
    DeclineReasonDialog(CompanySummary company, Consumer<String> onConfirm) {
        this.onConfirm = onConfirm;
        setHeaderTitle(getTranslation("board.decline.title", company.displayName()));
        setWidth("min(32rem, 95vw)");

        reason.setLabel(getTranslation("partner.field.declined-reason"));
        reason.setHelperText(getTranslation("board.decline.help"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(1000);
        reason.setWidthFull();
        add(new Paragraph(getTranslation("board.decline.text")), reason);

        var confirm = new Button(getTranslation("board.decline.confirm"), e -> confirm());
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, confirm);
        reason.focus();
    }

    private void confirm() {
        reason.setInvalid(false);
        try {
            onConfirm.accept(reason.getValue());
            close();
        } catch (PartnerException e) {
            if ("reason".equals(e.field())) {
                reason.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
                reason.setInvalid(true);
                reason.focus();
            } else {
                close();
                Notifications.error(getTranslation(e.messageKey(), e.arguments()));
            }
        }
    }
}
