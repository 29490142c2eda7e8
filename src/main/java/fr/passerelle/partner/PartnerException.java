package fr.passerelle.partner;

import fr.passerelle.base.FieldException;
import org.jspecify.annotations.Nullable;

/**
 * A request about partners that cannot be carried out, with the translation key of the message to
 * show and the form field at fault ({@code null} for the whole request).
 */
public class PartnerException extends FieldException {

    public PartnerException(@Nullable String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
