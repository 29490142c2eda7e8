package fr.passerelle.segment;

import fr.passerelle.base.FieldException;
import org.jspecify.annotations.Nullable;

/** A request of the segment screens that cannot be carried out, with the message to show next to its field. */
public class SegmentException extends FieldException {

    public SegmentException(@Nullable String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
