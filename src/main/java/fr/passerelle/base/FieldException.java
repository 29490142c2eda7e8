package fr.passerelle.base;

import org.jspecify.annotations.Nullable;

/**
 * A request that cannot be carried out, with the translation key of the message to show and the form field at
 * fault ({@code null} for the whole request). Each module has its own subclass, so that a screen catches what its
 * services refuse and nothing else.
 */
public abstract class FieldException extends RuntimeException {

    private final @Nullable String field;
    private final String messageKey;
    private final Object[] arguments;

    protected FieldException(@Nullable String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    /** The field at fault, as the service names it (e.g. {@code siret}); null for the whole request. */
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
