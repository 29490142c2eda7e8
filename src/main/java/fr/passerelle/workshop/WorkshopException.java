package fr.passerelle.workshop;

import org.jspecify.annotations.Nullable;

/**
 * A request about workshop spaces that cannot be carried out, with the translation key of the French
 * (or English) message and the draft's field at fault ({@code null} for the whole request).
 */
public class WorkshopException extends RuntimeException {

    private final @Nullable String field;
    private final String messageKey;
    private final Object[] arguments;

    public WorkshopException(@Nullable String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    /** The name of the draft's record component at fault, e.g. {@code areaM2}; null for the whole request. */
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
