package fr.passerelle.cohort;

import fr.passerelle.base.FieldException;
import org.jspecify.annotations.Nullable;

/**
 * A request about programmes, cohorts, participants or linked offers that cannot be carried out, with the
 * translation key of its message and the draft's field at fault ({@code null} for the whole request).
 */
public class CohortException extends FieldException {

    public CohortException(@Nullable String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
