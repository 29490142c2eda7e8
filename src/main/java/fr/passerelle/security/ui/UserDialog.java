package fr.passerelle.security.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.base.Role;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.security.CreatedUser;
import fr.passerelle.security.UserAccountException;
import fr.passerelle.security.UserAccountService;
import fr.passerelle.security.UserDraft;
import fr.passerelle.security.UserSummary;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Creates an account, or changes one; errors show next to the field at fault. */
class UserDialog extends Dialog {

    private final UserAccountService accounts;
    private final @Nullable UserSummary existing;
    private final Runnable onSaved;

    private final TextField username = new TextField();
    private final TextField displayName = new TextField();
    private final EmailField email = new EmailField();
    private final Select<Role> role = new Select<>();
    private final ComboBox<DispSummary> disp = new ComboBox<>();

    UserDialog(UserAccountService accounts, List<DispSummary> disps, @Nullable UserSummary existing, Runnable onSaved) {
        this.accounts = accounts;
        this.existing = existing;
        this.onSaved = onSaved;
        setHeaderTitle(existing == null ? getTranslation("users.create") : getTranslation("users.edit", existing.username()));
        setWidth("min(36rem, 95vw)");

        username.setLabel(getTranslation("users.username"));
        username.setHelperText(getTranslation("users.username.help"));
        username.setRequiredIndicatorVisible(true);
        displayName.setLabel(getTranslation("users.display-name"));
        displayName.setRequiredIndicatorVisible(true);
        email.setLabel(getTranslation("users.email"));
        role.setLabel(getTranslation("users.role"));
        role.setItems(Role.ADMIN, Role.REFERENT, Role.COMMUNICATION);
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setValue(Role.REFERENT);
        disp.setLabel(getTranslation("users.disp"));
        disp.setItems(disps);
        disp.setItemLabelGenerator(d -> d.code() + " — " + d.name());
        disp.setRequiredIndicatorVisible(true);
        role.addValueChangeListener(e -> disp.setVisible(e.getValue() == Role.REFERENT));

        if (existing != null) {
            username.setValue(existing.username());
            username.setReadOnly(true);
            displayName.setValue(existing.displayName());
            email.setValue(existing.email() == null ? "" : existing.email());
            role.setValue(existing.role());
            disps.stream().filter(d -> d.code().equals(existing.dispCode())).findFirst().ifPresent(disp::setValue);
        }
        disp.setVisible(role.getValue() == Role.REFERENT);

        var form = new FormLayout(username, displayName, email, role, disp);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        var save = new Button(getTranslation("action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
        username.focus();
    }

    private void save() {
        clearErrors();
        var draft = new UserDraft(username.getValue(), displayName.getValue(), email.getValue(), role.getValue(),
                disp.getValue() == null ? null : disp.getValue().code());
        try {
            if (existing == null) {
                CreatedUser created = accounts.create(draft);
                close();
                new PasswordDialog(created.user().username(), created.temporaryPassword()).open();
            } else {
                accounts.update(existing.id(), draft);
                close();
                Notifications.success(getTranslation("users.saved", existing.username()));
            }
            onSaved.run();
        } catch (UserAccountException e) {
            HasValidation field = fields().get(e.field());
            if (field != null) {
                field.setErrorMessage(getTranslation(e.messageKey()));
                field.setInvalid(true);
            } else {
                Notifications.error(getTranslation(e.messageKey()));
            }
        }
    }

    private Map<String, HasValidation> fields() {
        return Map.of("username", username, "displayName", displayName, "email", email, "role", role, "dispCode", disp);
    }

    private void clearErrors() {
        fields().values().forEach(f -> f.setInvalid(false));
    }
}
