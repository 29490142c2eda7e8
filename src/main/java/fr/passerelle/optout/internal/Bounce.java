package fr.passerelle.optout.internal;

import org.jspecify.annotations.Nullable;

/**
 * One event read from the bounce mailbox, for one recipient.
 *
 * @param source the campaign ({@code campaign:42}) when the returned message's unsubscribe header names it
 * @param detail the delivery status code ({@code 5.1.1}) or the feedback type ({@code abuse})
 */
record Bounce(String address, Kind kind, @Nullable String source, @Nullable String detail) {

    enum Kind {
        /** Status 5.x.x: the address is blocked at once. */
        HARD,
        /** Status 4.x.x with the action "failed": counted, the third blocks. */
        SOFT,
        /** An ARF feedback report (RFC 5965): the recipient reported the message as spam. */
        COMPLAINT,
        /** A message sent to the unsubscribe header's mailto link, its subject holding the token. */
        UNSUBSCRIBE
    }
}
