package fr.passerelle.workshop;

import fr.passerelle.base.FieldException;
import org.jspecify.annotations.Nullable;

/**
 * A request about workshop spaces that cannot be carried out, with the translation key of the French
 * (or English) message and the draft's field at fault ({@code null} for the whole request).
 */
public class WorkshopException extends FieldException {

    public WorkshopException(@Nullable String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
