package fr.passerelle.campaign;

import fr.passerelle.base.FieldException;
import org.jspecify.annotations.Nullable;

/** A request of the campaign screens that cannot be carried out, with the message to show next to its field. */
public class CampaignException extends FieldException {

    public CampaignException(@Nullable String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
