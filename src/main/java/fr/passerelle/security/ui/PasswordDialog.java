package fr.passerelle.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/** Shows a generated password once, so that the administrator can hand it over. */
class PasswordDialog extends Dialog {

    PasswordDialog(String username, String password) {
        setHeaderTitle(getTranslation("users.password.title", username));
        var field = new TextField(getTranslation("users.password.label"));
        field.setValue(password);
        field.setReadOnly(true);
        field.setWidthFull();
        field.addClassName("generated-password");
        add(new Paragraph(getTranslation("users.password.text")), field);
        var close = new Button(getTranslation("action.close"), e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
        setWidth("min(32rem, 95vw)");
    }
}
