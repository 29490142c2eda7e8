package fr.passerelle.mail.internal;

import com.icegreen.greenmail.store.StoredMessage;
import fr.passerelle.mail.CaughtMessage;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a caught MIME message for reading: RFC 2047 headers, each text part in its declared
 * charset (UTF-8 when none is declared), the plain part of a multipart/alternative.
 */
final class CaughtMessageReader {

    private static final Logger log = LoggerFactory.getLogger(CaughtMessageReader.class);
    private static final Set<String> PARAGRAPHS = Set.of("p", "table", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4",
            "h5", "h6", "hr");
    private static final Set<String> LINES = Set.of("div", "li", "tr", "section", "article", "header", "footer");

    private CaughtMessageReader() {
    }

    static CaughtMessage read(StoredMessage stored) {
        MimeMessage message = stored.getMimeMessage();
        Instant receivedAt = stored.getReceivedDate() == null ? Instant.EPOCH : stored.getReceivedDate().toInstant();
        String id = "greenmail-" + stored.getUid() + "-" + receivedAt.toEpochMilli();
        try {
            id = message.getMessageID() == null ? id : message.getMessageID();
            var body = new Body();
            body.collect(message);
            String text = body.text != null ? body.text : body.html != null ? htmlToText(body.html) : "";
            return new CaughtMessage(id, receivedAt, first(addresses(message, "From")), addresses(message, "To"),
                    addresses(message, "Cc"), first(addresses(message, "Reply-To")),
                    message.getSubject() == null ? "" : message.getSubject(), text, body.html != null, body.attachments);
        } catch (MessagingException | IOException e) {
            // Still list the message, with its source as the body, rather than hide what was sent.
            log.warn("Could not decode caught message {}", id, e);
            return new CaughtMessage(id, receivedAt, null, List.of(), List.of(), null, "", source(message), false, List.of());
        }
    }

    /** Addresses of one header, decoded; a malformed header is shown as it came. */
    private static List<String> addresses(MimeMessage message, String header) throws MessagingException {
        String raw = message.getHeader(header, ",");
        if (raw == null) {
            return List.of();
        }
        try {
            return Arrays.stream(InternetAddress.parseHeader(raw, false)).map(CaughtMessageReader::unicode).toList();
        } catch (AddressException e) {
            return List.of(decode(raw));
        }
    }

    /** {@code Name <address>} as people write it: decoded, and without the quotes RFC 5322 may need around the name. */
    private static String unicode(Address address) {
        if (address instanceof InternetAddress internet) {
            return internet.getPersonal() == null ? internet.getAddress() : internet.getPersonal() + " <" + internet.getAddress() + ">";
        }
        return address.toString();
    }

    private static @Nullable String first(List<String> values) {
        return values.isEmpty() ? null : values.getFirst();
    }

    private static String decode(String header) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(header));
        } catch (UnsupportedEncodingException e) {
            return header;
        }
    }

    private static final class Body {
        @Nullable String text;
        @Nullable String html;
        final List<String> attachments = new ArrayList<>();

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                attachments.add(part.getFileName() == null ? part.getContentType() : decode(part.getFileName()));
            } else if (part.isMimeType("text/plain") && text == null) {
                text = textOf(part);
            } else if (part.isMimeType("text/html") && html == null) {
                html = textOf(part);
            }
        }
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        Charset charset = charsetOf(part);
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), charset).replace("\r\n", "\n").stripTrailing();
        }
    }

    private static Charset charsetOf(Part part) throws MessagingException {
        String name = new ContentType(part.getContentType()).getParameter("charset");
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(MimeUtility.javaCharset(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Readable text from an HTML-only message: paragraphs are separated by a blank line, {@code <br>} and list items by a line break. */
    static String htmlToText(String html) {
        var out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.text());
                } else if (node instanceof Element element) {
                    if (element.normalName().equals("br")) {
                        out.append('\n');
                    } else if ((element.normalName().equals("td") || element.normalName().equals("th"))
                            && !out.isEmpty() && !Character.isWhitespace(out.charAt(out.length() - 1))) {
                        out.append(' ');
                    } else if (PARAGRAPHS.contains(element.normalName()) || LINES.contains(element.normalName())) {
                        newLine(out);
                        if (element.normalName().equals("li")) {
                            out.append("- ");
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    if (PARAGRAPHS.contains(element.normalName())) {
                        newLine(out);
                        out.append('\n');
                    } else if (LINES.contains(element.normalName())) {
                        newLine(out);
                    }
                }
            }
        }, Jsoup.parse(html).body());
        return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static void newLine(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static String source(MimeMessage message) {
        try {
            var bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException | MessagingException e) {
            return "";
        }
    }
}
