package fr.passerelle.campaign;

/**
 * Something in a template to fix before sending, in French.
 *
 * @param part    where: {@code subject}, {@code htmlBody} or {@code textBody}
 * @param tag     what was written between the braces (empty for a stray brace)
 * @param kind    what is wrong with it
 * @param message the French explanation, for the author
 */
public record TemplateWarning(String part, String tag, Kind kind, String message) {

    public enum Kind {
        /** A section, partial, unescaped value, comment or anything else than a merge field: never rendered. */
        REFUSED,
        /** A name that is not one of the merge fields: it would print nothing. */
        UNKNOWN_FIELD,
        /** A merge field that has no value for the chosen contact: it would print nothing. */
        EMPTY_FIELD
    }

    public boolean blocking() {
        return kind == Kind.REFUSED;
    }
}
