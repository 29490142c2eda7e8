package fr.passerelle.workshop.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.workshop.WorkshopException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;

/**
 * Runs a change through {@link fr.passerelle.workshop.WorkshopService} and shows a refusal where it
 * belongs: next to the field the service names, or as a notification for the whole request.
 */
final class WorkshopFormErrors {

    private final Component owner;
    private final Map<String, HasValidation> fields = new HashMap<>();

    WorkshopFormErrors(Component owner) {
        this.owner = owner;
    }

    /** The component that shows the errors the service reports for the draft's {@code field}. */
    WorkshopFormErrors bind(String field, HasValidation component) {
        // The service judges the values; left to itself, a field would also show its own, different checks.
        component.setManualValidation(true);
        fields.put(field, component);
        return this;
    }

    /** True when the action went through; otherwise its error is shown and false returned. */
    boolean attempt(Runnable action) {
        fields.values().forEach(field -> field.setInvalid(false));
        try {
            action.run();
            return true;
        } catch (WorkshopException e) {
            String message = owner.getTranslation(e.messageKey(), e.arguments());
            HasValidation field = e.field() == null ? null : fields.get(e.field());
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                Notifications.error(message);
            }
        } catch (AccessDeniedException e) {
            Notifications.error(owner.getTranslation("workshop.error.not-allowed"));
        }
        return false;
    }
}
