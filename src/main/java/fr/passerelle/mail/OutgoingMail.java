package fr.passerelle.mail;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message to send. The sender is always Passerelle's own address ({@code passerelle.mail.from});
 * addresses are checked by {@link MailService#send(OutgoingMail)}.
 *
 * @param to      one or more recipients, {@code jeanne@exemple.fr} or {@code Jeanne Dupont <jeanne@exemple.fr>}
 * @param text    the plain-text body, always present: it is what text-only clients and screen readers show
 * @param html    an optional HTML version of the same body
 * @param replyTo where answers should go, when not to Passerelle's own address
 */
public record OutgoingMail(List<String> to, String subject, String text, @Nullable String html, @Nullable String replyTo) {

    public OutgoingMail {
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("A mail needs at least one recipient");
        }
        if (subject.isBlank()) {
            throw new IllegalArgumentException("A mail needs a subject");
        }
    }

    /** A plain-text message to one recipient. */
    public static OutgoingMail text(String to, String subject, String text) {
        return new OutgoingMail(List.of(to), subject, text, null, null);
    }

    public OutgoingMail withHtml(@Nullable String html) {
        return new OutgoingMail(to, subject, text, html, replyTo);
    }

    public OutgoingMail withReplyTo(@Nullable String replyTo) {
        return new OutgoingMail(to, subject, text, html, replyTo);
    }
}
