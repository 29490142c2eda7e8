package fr.passerelle.template;

import fr.passerelle.base.FieldException;
import org.jspecify.annotations.Nullable;

/** A request of the template screens (templates and their previews) that cannot be carried out, with the message to show next to its field. */
public class TemplateException extends FieldException {

    public TemplateException(@Nullable String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
