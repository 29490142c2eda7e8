package fr.passerelle.mail;

/** The SMTP server could not be reached or refused the message. */
public class MailDeliveryException extends RuntimeException {

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
