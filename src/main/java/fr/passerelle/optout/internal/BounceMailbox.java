package fr.passerelle.optout.internal;

import fr.passerelle.optout.OptOuts;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the new (unseen) messages of the bounce mailbox and records what they say in the opt-out list. Each message
 * is counted once, whatever happens: its key (Message-ID, else a digest of its content) is written to
 * {@code mail_bounce_message} in the transaction that records its bounces, so a message read again (the run stopped
 * before marking it, or another instance read it meanwhile) records nothing. Then it is marked seen, and moved to the
 * processed folder when one is set.
 */
@Component
public class BounceMailbox {

    private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);
    private static final int MAX_MESSAGES_PER_RUN = 500;
    private static final String TIMEOUT_MILLIS = "20000";

    private final BounceReports reports;
    private final OptOuts optOuts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    BounceMailbox(BounceReports reports, OptOuts optOuts, JdbcClient jdbc, TransactionTemplate transactions) {
        this.reports = reports;
        this.optOuts = optOuts;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** What one run did: messages read, of which those that recorded events and those seen before. */
    public record Result(int read, int recorded, int alreadyCounted) {
    }

    public Result read(BounceMailboxSettings settings) throws MessagingException {
        var properties = new Properties();
        String protocol = settings.protocol();
        properties.setProperty("mail.store.protocol", protocol);
        properties.setProperty("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
        properties.setProperty("mail." + protocol + ".writetimeout", TIMEOUT_MILLIS);
        Session session = Session.getInstance(properties);
        int read = 0;
        int recorded = 0;
        int seenBefore = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(settings.host(), settings.effectivePort(), settings.user(), settings.password());
            Folder inbox = store.getFolder(settings.folder());
            inbox.open(Folder.READ_WRITE);
            @Nullable Folder processed = settings.processedFolder().isBlank() ? null : processedFolder(store, settings.processedFolder());
            try {
                Message[] unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (int i = 0; i < Math.min(unseen.length, MAX_MESSAGES_PER_RUN); i++) {
                    Message message = unseen[i];
                    switch (process(message)) {
                        case RECORDED -> recorded++;
                        case ALREADY_COUNTED -> seenBefore++;
                        case IGNORED -> { }
                    }
                    read++;
                    message.setFlag(Flags.Flag.SEEN, true);
                    if (processed != null) {
                        inbox.copyMessages(new Message[] {message}, processed);
                        message.setFlag(Flags.Flag.DELETED, true);
                    }
                }
            } finally {
                inbox.close(processed != null);
            }
        }
        if (read > 0) {
            log.info("Bounce mailbox: {} messages read, {} recorded bounces or unsubscribes, {} counted before", read, recorded, seenBefore);
        }
        return new Result(read, recorded, seenBefore);
    }

    private enum Outcome {
        RECORDED, IGNORED, ALREADY_COUNTED
    }

    private Outcome process(Message message) throws MessagingException {
        String key = key(message);
        List<Bounce> bounces;
        try {
            bounces = reports.read(message);
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            log.warn("Bounce mailbox: message {} could not be read, left aside: {}", key, unreadable.toString());
            bounces = List.of();
        }
        List<Bounce> found = bounces;
        Outcome outcome = transactions.execute(status -> {
            boolean first = jdbc.sql("""
                            insert into mail_bounce_message (message_key, outcome) values (:key, :outcome)
                            on conflict (message_key) do nothing""")
                    .param("key", key).param("outcome", found.isEmpty() ? "IGNORED" : "RECORDED").update() == 1;
            if (!first) {
                return Outcome.ALREADY_COUNTED;
            }
            found.forEach(this::record);
            return found.isEmpty() ? Outcome.IGNORED : Outcome.RECORDED;
        });
        return outcome == null ? Outcome.IGNORED : outcome;
    }

    private void record(Bounce bounce) {
        String source = bounce.source() == null ? "bounces" : bounce.source();
        switch (bounce.kind()) {
            case HARD -> optOuts.hardBounce(bounce.address(), source, bounce.detail());
            case SOFT -> optOuts.softBounce(bounce.address(), source, bounce.detail());
            case COMPLAINT -> optOuts.complaint(bounce.address(), source, bounce.detail());
            case UNSUBSCRIBE -> optOuts.unsubscribe(bounce.address(), source);
        }
    }

    private static Folder processedFolder(Store store, String name) throws MessagingException {
        Folder folder = store.getFolder(name);
        if (!folder.exists()) {
            folder.create(Folder.HOLDS_MESSAGES);
        }
        return folder;
    }

    private static String key(Message message) throws MessagingException {
        if (message instanceof MimeMessage mime && mime.getMessageID() != null && !mime.getMessageID().isBlank()) {
            String id = mime.getMessageID().strip();
            return id.length() <= 900 ? "id:" + id : "id-sha256:" + sha256(id.getBytes(StandardCharsets.UTF_8));
        }
        try {
            var content = new ByteArrayOutputStream();
            message.writeTo(content);
            return "sha256:" + sha256(content.toByteArray());
        } catch (IOException e) {
            throw new MessagingException("Message unreadable", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
