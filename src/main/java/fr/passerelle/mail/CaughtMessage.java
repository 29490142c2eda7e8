package fr.passerelle.mail;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message the embedded SMTP server received, decoded for reading: headers in Unicode, the
 * plain-text body (or text drawn from the HTML when there is no plain part).
 *
 * @param id          the Message-ID, or an id of the server's when the message has none
 * @param hasHtml     whether the message also has an HTML version
 * @param attachments file names of the attached parts
 */
public record CaughtMessage(String id, Instant receivedAt, @Nullable String from, List<String> to, List<String> cc,
                            @Nullable String replyTo, String subject, String text, boolean hasHtml, List<String> attachments) {

    public CaughtMessage {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
    }
}
