package fr.passerelle.mail;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends e-mail over SMTP, from Passerelle's own address, to the configured server or to the
 * embedded one.
 *
 * <p>Not {@code @PreAuthorize}d: anonymous flows (portal e-mail confirmation, magic links) and
 * background jobs send mail too; the modules that call it decide who may trigger a message. Not
 * transactional either: an SMTP conversation cannot be rolled back.
 */
@Service
public class MailService {

    private static final Logger log = LoggerFactory.getLogger(MailService.class);
    /** Beyond RFC 5322 syntax, a domain with a dot: {@code jeanne@localhost} is a typo here, not an address. */
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private static final FileTypeMap FILE_TYPES = fileTypes();
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");
    /**
     * The Date header of the current second, formatted once: Jakarta Mail formats each message's date with one shared,
     * synchronized formatter, a lock the outbox's connections queued at.
     */
    private static final java.util.concurrent.atomic.AtomicReference<SentDate> SENT_DATE =
            new java.util.concurrent.atomic.AtomicReference<>(new SentDate(0, ""));

    static {
        namedStreamProvider();
    }

    private final JavaMailSender sender;
    private final MailServerInfo server;
    private final InternetAddress from;

    MailService(JavaMailSender sender, MailServerInfo server, @Value("${passerelle.mail.from}") String from) {
        this.sender = sender;
        this.server = server;
        try {
            this.from = parse("from", from);
        } catch (InvalidMailAddressException e) {
            throw new IllegalStateException("passerelle.mail.from is not a valid address: '" + from + "'", e);
        }
    }

    /**
     * Sends the message now, through the SMTP server, and returns its {@code Message-ID}.
     *
     * @throws InvalidMailAddressException when a recipient or the reply-to address is not valid; nothing is sent
     * @throws MailDeliveryException       when the SMTP server cannot be reached or refuses the message
     */
    public String send(OutgoingMail mail) {
        MimeMessage message = message(mail, sender.createMimeMessage());
        try {
            sender.send(message);
        } catch (MailException e) {
            throw new MailDeliveryException("Could not send '" + mail.subject() + "' through the " + server.description()
                    + ": " + e.getMessage(), e);
        }
        log.debug("Sent '{}' to {}", mail.subject(), mail.to());
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException("The message sent has no readable Message-ID", e);
        }
    }

    /**
     * Writes the mail into {@code message}, from Passerelle's address.
     *
     * @throws InvalidMailAddressException when a recipient or the reply-to address is not valid
     */
    <M extends MimeMessage> M message(OutgoingMail mail, M message) {
        List<InternetAddress> to = mail.to().stream().map(address -> parse("to", address)).toList();
        InternetAddress replyTo = mail.replyTo() == null ? null : parse("replyTo", mail.replyTo());
        try {
            var helper = new MimeMessageHelper(message, mail.html() != null, "UTF-8") {
                @Override
                protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                    // Spring's default builds a new map from mime.types on the class path for every message not its own.
                    return FILE_TYPES;
                }
            };
            helper.setFrom(from);
            helper.setTo(to.toArray(InternetAddress[]::new));
            if (replyTo != null) {
                helper.setReplyTo(replyTo);
            }
            helper.setSubject(singleLine(mail.subject()));
            message.setHeader("Date", sentDate(Instant.now()));
            if (mail.html() != null) {
                helper.setText(mail.text(), mail.html());
            } else {
                helper.setText(mail.text());
            }
            for (var header : mail.headers().entrySet()) {
                message.setHeader(header.getKey(), MimeUtility.fold(header.getKey().length() + 2,
                        MimeUtility.encodeText(header.getValue(), "UTF-8", null)));
            }
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("Could not build the message '" + mail.subject() + "'", e);
        }
        return message;
    }

    /** The domain of Passerelle's own address, for the Message-IDs the outbox gives its messages. */
    String fromDomain() {
        String address = from.getAddress();
        return address.substring(address.lastIndexOf('@') + 1);
    }

    /** The sender behind this service, for the outbox's own SMTP connections. */
    JavaMailSender sender() {
        return sender;
    }

    /**
     * Jakarta Mail 2.1 looks its {@code StreamProvider} up with a {@code ServiceLoader} scan of the whole class path
     * each time a part is written or encoded (jakartaee/mail-api#861): about 40 % of the CPU of sending a message.
     * Naming the implementation in its system property, which the look-up reads first, makes it a class-name lookup.
     * Left alone when it is set already or when the implementation is not Angus.
     */
    static void namedStreamProvider() {
        String property = "jakarta.mail.util.StreamProvider";
        String angus = "org.eclipse.angus.mail.util.MailStreamProvider";
        if (System.getProperty(property) == null
                && org.springframework.util.ClassUtils.isPresent(angus, MailService.class.getClassLoader())) {
            System.setProperty(property, angus);
        }
    }

    private static FileTypeMap fileTypes() {
        var types = new ConfigurableMimeFileTypeMap();
        types.afterPropertiesSet();
        return types;
    }

    /** Where mail goes, for screens that explain it. */
    public MailServerInfo server() {
        return server;
    }

    static InternetAddress parse(String field, @Nullable String address) {
        if (address == null || address.isBlank()) {
            throw new InvalidMailAddressException(field, address == null ? "" : address);
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(address.strip(), true);
            if (parsed.length != 1 || !ADDRESS.matcher(parsed[0].getAddress()).matches()) {
                throw new InvalidMailAddressException(field, address);
            }
            parsed[0].validate();
            return parsed[0];
        } catch (AddressException e) {
            throw new InvalidMailAddressException(field, address);
        }
    }

    /** A header is one line: line breaks in a subject would be folded oddly or refused by some servers. */
    static String singleLine(String text) {
        return LINE_BREAKS.matcher(text).replaceAll(" ").strip();
    }

    /** The Date header's value for that instant, in RFC 5322 form (as {@link MimeMessage#setSentDate}). */
    static String sentDate(Instant now) {
        long second = now.getEpochSecond();
        SentDate known = SENT_DATE.get();
        if (known.second() == second) {
            return known.header();
        }
        var formatted = new SentDate(second, new jakarta.mail.internet.MailDateFormat().format(Date.from(Instant.ofEpochSecond(second))));
        SENT_DATE.set(formatted);
        return formatted.header();
    }

    private record SentDate(long second, String header) {
    }
}
