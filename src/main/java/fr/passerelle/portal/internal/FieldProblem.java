package fr.passerelle.portal.internal;

import org.jspecify.annotations.Nullable;

/**
 * What is wrong with one field of a public form: the translation key of the message to show next to it, with its
 * arguments. A {@code null} field concerns the whole form (too many requests).
 */
public record FieldProblem(@Nullable String field, String messageKey, Object... arguments) {

    public FieldProblem {
        arguments = arguments.clone();
    }

    @Override
    public Object[] arguments() {
        return arguments.clone();
    }
}
