package fr.passerelle.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus' SMTP transport that passes through a gate before it sends a message's final dot, the instant from which
 * the server may have taken the message. The gate is left when the server refused it or the connection broke, or
 * else once the acceptance is recorded (by the caller): so an instance has at most one message, over all its
 * connections, that a crash can leave sent without a record. Everything before the dot (envelope, content) goes on
 * in parallel on the other connections.
 */
final class GatedSmtpTransport extends SMTPTransport {

    private final SmtpConnection.FinalDot gate;

    GatedSmtpTransport(Session session, URLName url, SmtpConnection.FinalDot gate) {
        super(session, url);
        this.gate = gate;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        gate.enter();
        try {
            super.finishData();
        } catch (IOException | MessagingException | RuntimeException e) {
            gate.leave();
            throw e;
        }
    }
}
