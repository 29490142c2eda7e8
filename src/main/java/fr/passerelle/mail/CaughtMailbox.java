package fr.passerelle.mail;

import java.util.List;

/**
 * What the embedded SMTP server caught, for administrators. The bean exists only when no external
 * SMTP server is configured; every method requires the ADMIN role.
 */
public interface CaughtMailbox {

    /** A page of messages, newest first; a message sent to several recipients is listed once. */
    List<CaughtMessage> list(int offset, int limit);

    int count();

    /** Empties the mailbox. */
    void clear();
}
