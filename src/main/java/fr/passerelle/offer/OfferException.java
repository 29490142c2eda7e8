package fr.passerelle.offer;

import org.jspecify.annotations.Nullable;

/**
 * A request about offers that cannot be carried out, with the translation key of the message to show
 * and the form field at fault ({@code null} for the whole request).
 */
public class OfferException extends RuntimeException {

    private final @Nullable String field;
    private final String messageKey;
    private final Object[] arguments;

    public OfferException(@Nullable String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public @Nullable String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
