package fr.passerelle.security;

/**
 * A request about an account that cannot be carried out.
 *
 * @see #messageKey() the translation key of the message to show
 * @see #field() the form field at fault, or {@code null} for the whole request
 */
public class UserAccountException extends RuntimeException {

    private final String messageKey;
    private final String field;

    public UserAccountException(String field, String messageKey) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }

    public String field() {
        return field;
    }
}
