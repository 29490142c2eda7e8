package fr.passerelle.base.ui.component;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import fr.passerelle.base.FieldException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;

/**
 * Runs a change through a module's service and shows a refusal where it belongs: next to the field the service
 * names ({@link FieldException#field()}), or as a notification when the whole request is refused.
 *
 * @param <E> the module's exception; any other escapes, as a bug would
 */
public final class FieldErrors<E extends FieldException> {

    private final Component owner;
    private final Class<E> refusals;
    private final String notAllowedKey;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    /**
     * @param refusals      the exception the module's services throw for a bad request
     * @param notAllowedKey the message shown when the signed-in user may not do it
     */
    public FieldErrors(Component owner, Class<E> refusals, String notAllowedKey) {
        this.owner = owner;
        this.refusals = refusals;
        this.notAllowedKey = notAllowedKey;
    }

    /** The component that shows the errors the service reports for {@code serviceField}. */
    public FieldErrors<E> bind(String serviceField, HasValidation component) {
        // The service judges the values; left to itself, a required field would turn red when the form is reset,
        // or show its own, different checks.
        component.setManualValidation(true);
        fields.put(serviceField, component);
        return this;
    }

    public void clear() {
        fields.values().forEach(field -> field.setInvalid(false));
    }

    /** True when the action went through; otherwise its error is shown and false returned. */
    public boolean attempt(Runnable action) {
        clear();
        try {
            action.run();
            return true;
        } catch (AccessDeniedException e) {
            Notifications.error(owner.getTranslation(notAllowedKey));
        } catch (FieldException e) {
            if (!refusals.isInstance(e)) {
                throw e;
            }
            show(e);
        }
        return false;
    }

    /** Shows a refusal next to its field, or as a notification. */
    public void show(FieldException refusal) {
        String message = owner.getTranslation(refusal.messageKey(), refusal.arguments());
        HasValidation field = refusal.field() == null ? null : fields.get(refusal.field());
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        } else {
            Notifications.error(message);
        }
    }
}
