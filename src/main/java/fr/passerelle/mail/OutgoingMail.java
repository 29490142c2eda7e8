package fr.passerelle.mail;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A message to send. The sender is always Passerelle's own address ({@code passerelle.mail.from});
 * addresses are checked by {@link MailService#send(OutgoingMail)}.
 *
 * @param to      one or more recipients, {@code jeanne@exemple.fr} or {@code Jeanne Dupont <jeanne@exemple.fr>}
 * @param text    the plain-text body, always present: it is what text-only clients and screen readers show
 * @param html    an optional HTML version of the same body
 * @param replyTo where answers should go, when not to Passerelle's own address
 * @param headers extra header fields in their order ({@code List-Unsubscribe}, {@code List-Unsubscribe-Post}); the
 *                ones the message is made of (From, To, Subject, Date, Message-ID, MIME and content headers) are refused
 */
public record OutgoingMail(List<String> to, String subject, String text, @Nullable String html, @Nullable String replyTo,
                           Map<String, String> headers) {

    private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]{1,76}");
    private static final Set<String> RESERVED = Set.of("from", "to", "cc", "bcc", "reply-to", "subject", "date", "message-id",
            "sender", "mime-version", "content-type", "content-transfer-encoding");

    public OutgoingMail {
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("A mail needs at least one recipient");
        }
        if (subject.isBlank()) {
            throw new IllegalArgumentException("A mail needs a subject");
        }
        if (!(headers instanceof Checked)) {
            // A copy of this mail (withTo, withHtml…) carries headers checked already: the outbox copies each message.
            var checked = new LinkedHashMap<String, String>();
            headers.forEach((name, value) -> {
                checkName(name);
                checkValue(name, value);
                checked.put(name, value);
            });
            headers = new Checked(checked);
        }
    }

    private static void checkName(String name) {
        if (!FIELD_NAME.matcher(name).matches() || RESERVED.contains(name.toLowerCase(Locale.ROOT))
                || name.regionMatches(true, 0, "content-", 0, 8)) {
            throw new IllegalArgumentException("Not a header a mail may add: '" + name + "'");
        }
    }

    private static void checkValue(String name, String value) {
        if (value.isBlank() || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A header's value is one line of text: '" + name + "'");
        }
    }

    public OutgoingMail(List<String> to, String subject, String text, @Nullable String html, @Nullable String replyTo) {
        this(to, subject, text, html, replyTo, Map.of());
    }

    /** A plain-text message to one recipient. */
    public static OutgoingMail text(String to, String subject, String text) {
        return new OutgoingMail(List.of(to), subject, text, null, null);
    }

    public OutgoingMail withHtml(@Nullable String html) {
        return new OutgoingMail(to, subject, text, html, replyTo, headers);
    }

    public OutgoingMail withReplyTo(@Nullable String replyTo) {
        return new OutgoingMail(to, subject, text, html, replyTo, headers);
    }

    /** The same message with one more header field (or that field's value replaced). */
    public OutgoingMail withHeader(String name, String value) {
        var more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new OutgoingMail(to, subject, text, html, replyTo, more);
    }

    /** Header fields checked by the constructor, in their order, read-only. */
    private static final class Checked extends java.util.AbstractMap<String, String> {

        private final Map<String, String> fields;

        Checked(LinkedHashMap<String, String> fields) {
            this.fields = Collections.unmodifiableMap(fields);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return fields.entrySet();
        }

        @Override
        public @Nullable String get(Object key) {
            return fields.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return fields.containsKey(key);
        }

        @Override
        public int size() {
            return fields.size();
        }
    }

    /** The same message to other recipients: the outbox sends a composed message to its row's address. */
    OutgoingMail withTo(String address) {
        return new OutgoingMail(List.of(address), subject, text, html, replyTo, headers);
    }
}
