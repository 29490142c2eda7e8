package fr.passerelle.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * One SMTP connection kept open across the messages of a delivery run, opened again when the server dropped it.
 * Tells a message the server refused (with its reply code: 5xx for good, 4xx for now) from a server that could
 * not be reached or went away in the middle (the message may have been taken: it is the one in flight).
 */
final class SmtpConnection implements AutoCloseable {

    private static final long IDLE_NANOS = 1_000_000_000L;

    private final JavaMailSender sender;
    private final @Nullable FinalDot gate;
    private @Nullable Transport transport;
    private long lastUsed;

    SmtpConnection(JavaMailSender sender) {
        this(sender, null);
    }

    /**
     * @param finalDot shared by the connections of one instance: a message's final dot waits until no other message
     *                 of the instance is accepted without its record ({@link #recorded()}); null, no waiting
     */
    SmtpConnection(JavaMailSender sender, @Nullable Semaphore finalDot) {
        this.sender = sender;
        this.gate = finalDot == null ? null : new FinalDot(finalDot);
    }

    /** The message this connection had accepted is recorded: another message may pass its final dot. */
    void recorded() {
        if (gate != null) {
            gate.leave();
        }
    }

    /** The session messages are built on, so that they carry the configured properties. */
    Session session() {
        return sender instanceof JavaMailSenderImpl impl ? impl.getSession() : sender.createMimeMessage().getSession();
    }

    /**
     * Sends a message whose headers are computed already ({@link MimeMessage#saveChanges()}). Once it is accepted, the
     * connection holds the final dot until {@link #recorded()}.
     */
    Result send(MimeMessage message) {
        Result result = null;
        try {
            result = attempt(message);
            return result;
        } finally {
            if (!(result instanceof Accepted)) {
                recorded();
            }
        }
    }

    private Result attempt(MimeMessage message) {
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            return sendThroughSpring(message);
        }
        try {
            // isConnected() costs a round trip (NOOP): asked only of a connection that sat idle, which a server may drop.
            if (transport == null || (System.nanoTime() - lastUsed > IDLE_NANOS && !transport.isConnected())) {
                close();
                transport = connect(impl, gate);
            }
        } catch (MessagingException e) {
            close();
            return new Unreachable(describe(e));
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
            lastUsed = System.nanoTime();
            return new Accepted(message.getMessageID());
        } catch (SendFailedException e) {
            int code = replyCode(e);
            if (code > 0) {
                return new Refused(code, describe(e));
            }
            close();
            return new Unreachable(describe(e));
        } catch (MessagingException e) {
            close();
            return new Unreachable(describe(e));
        }
    }

    private static Transport connect(JavaMailSenderImpl impl, @Nullable FinalDot gate) throws MessagingException {
        String protocol = impl.getProtocol() == null ? "smtp" : impl.getProtocol();
        String username = StringUtils.hasLength(impl.getUsername()) ? impl.getUsername() : null;
        String password = StringUtils.hasLength(impl.getPassword()) ? impl.getPassword() : null;
        // The gate needs Angus' plain SMTP transport (STARTTLS included); another protocol (smtps) sends ungated.
        Transport opened = gate != null && protocol.equals("smtp")
                ? new GatedSmtpTransport(impl.getSession(), new URLName(protocol, impl.getHost(), impl.getPort(), null, username, password), gate)
                : impl.getSession().getTransport(protocol);
        opened.connect(impl.getHost(), impl.getPort(), username, password);
        return opened;
    }

    private Result sendThroughSpring(MimeMessage message) {
        try {
            sender.send(message);
            return new Accepted(message.getMessageID());
        } catch (MailSendException e) {
            for (Exception failure : e.getFailedMessages().values()) {
                if (failure instanceof MessagingException messaging && replyCode(messaging) > 0) {
                    return new Refused(replyCode(messaging), describe(messaging));
                }
            }
            return new Unreachable(String.valueOf(e.getMessage()));
        } catch (MailException | MessagingException e) {
            return new Unreachable(String.valueOf(e.getMessage()));
        }
    }

    /**
     * The SMTP reply code the server refused with, or 0 when it gave none. Angus Mail's {@code SMTPSendFailedException}
     * and {@code SMTPAddressFailedException} carry it; Angus is the runtime implementation only, hence by name.
     */
    static int replyCode(MessagingException e) {
        for (Exception cause = e; cause != null;
             cause = cause instanceof MessagingException messaging ? messaging.getNextException() : null) {
            try {
                if (cause.getClass().getMethod("getReturnCode").invoke(cause) instanceof Integer code && code > 0) {
                    return code;
                }
            } catch (ReflectiveOperationException noCode) {
                // Not a refusal with a reply code: look further down the chain.
            }
        }
        return 0;
    }

    private static String describe(MessagingException e) {
        var text = new StringBuilder(String.valueOf(e.getMessage()).strip());
        Exception next = e.getNextException();
        if (next != null && next.getMessage() != null && !text.toString().contains(next.getMessage().strip())) {
            text.append(": ").append(next.getMessage().strip());
        }
        return text.toString();
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // Closing a connection the server already dropped.
            }
            transport = null;
        }
    }

    /**
     * The one passage of an instance's connections through the final dot, and whether this connection holds it: taken
     * at the dot, left when the message is refused or lost, or once its acceptance is recorded.
     */
    static final class FinalDot {

        private final Semaphore passage;
        private final AtomicBoolean held = new AtomicBoolean();

        FinalDot(Semaphore passage) {
            this.passage = passage;
        }

        void enter() throws MessagingException {
            try {
                passage.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MessagingException("Interrupted before the final dot");
            }
            held.set(true);
        }

        void leave() {
            if (held.compareAndSet(true, false)) {
                passage.release();
            }
        }
    }

    sealed interface Result {
    }

    record Accepted(String messageId) implements Result {
    }

    /** The server answered with a refusal: {@code permanent} for a 5xx reply. */
    record Refused(int code, String error) implements Result {

        boolean permanent() {
            return code >= 500;
        }
    }

    /** No answer: the server could not be reached, or the connection broke. */
    record Unreachable(String error) implements Result {
    }
}
