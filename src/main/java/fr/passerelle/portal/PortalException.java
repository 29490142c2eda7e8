package fr.passerelle.portal;

import fr.passerelle.base.FieldException;
import org.jspecify.annotations.Nullable;

/**
 * A portal request that cannot be carried out, with the translation key of the French (or English) message to show
 * next to the field at fault ({@code null} for the whole request).
 */
public class PortalException extends FieldException {

    public PortalException(@Nullable String field, String messageKey) {
        super(field, messageKey);
    }
}
