package fr.passerelle.mail;

/** An address a message cannot be sent to or from; nothing was sent. */
public class InvalidMailAddressException extends IllegalArgumentException {

    private final String field;
    private final String address;

    public InvalidMailAddressException(String field, String address) {
        super("Not a valid e-mail address for '" + field + "': '" + address + "'");
        this.field = field;
        this.address = address;
    }

    /** Which part of the message holds the address: {@code to}, {@code replyTo} or {@code from}. */
    public String field() {
        return field;
    }

    public String address() {
        return address;
    }
}
