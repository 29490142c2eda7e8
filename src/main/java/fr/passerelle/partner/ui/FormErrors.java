package fr.passerelle.partner.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.textfield.TextFieldBase;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.partner.PartnerException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;

/**
 * Runs a change through a partner service and shows what went wrong where it belongs: next to the
 * field the service names, or as a notification when the whole request is refused.
 */
final class FormErrors {

    private final Component owner;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    FormErrors(Component owner) {
        this.owner = owner;
    }

    /** The form field that shows errors the service reports for {@code serviceField}. */
    FormErrors bind(String serviceField, HasValidation component) {
        // The service judges text; left to itself, a required text field would turn red when the form is reset.
        if (component instanceof TextFieldBase<?, ?>) {
            component.setManualValidation(true);
        }
        fields.put(serviceField, component);
        return this;
    }

    void clear() {
        fields.values().forEach(field -> field.setInvalid(false));
    }

    /** True when the action went through; otherwise its error is shown and false returned. */
    boolean attempt(Runnable action) {
        clear();
        try {
            action.run();
            return true;
        } catch (PartnerException e) {
            String message = owner.getTranslation(e.messageKey(), e.arguments());
            HasValidation field = e.field() == null ? null : fields.get(e.field());
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                Notifications.error(message);
            }
        } catch (AccessDeniedException e) {
            Notifications.error(owner.getTranslation("company.error.not-allowed"));
        }
        return false;
    }
}
