package fr.passerelle.portal;

import org.jspecify.annotations.Nullable;

/**
 * A portal request that cannot be carried out, with the translation key of the French (or English) message to show
 * next to the field at fault ({@code null} for the whole request).
 */
public class PortalException extends RuntimeException {

    private final @Nullable String field;
    private final String messageKey;

    public PortalException(@Nullable String field, String messageKey) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public @Nullable String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
