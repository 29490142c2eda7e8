package fr.passerelle.mail;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Durable mail: {@link #enqueue} writes the message in the caller's transaction, and the delivery worker
 * sends it after the commit (at once, and again on its schedule for what is left). A change that rolls
 * back sends nothing; a crash after the commit loses nothing; two instances never send one row twice
 * (rows are claimed with {@code FOR UPDATE SKIP LOCKED}). A message whose {@code dedupKey} was already
 * enqueued is not enqueued again, so a job that runs twice, or on two instances, sends each reminder once.
 *
 * <p>Addresses are checked here, so a bad one is refused to the caller, not discovered by the worker.
 * Not {@code @PreAuthorize}d, like {@link MailService}: the calling module decides who may trigger a message.
 */
@Service
public class MailOutbox {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    MailOutbox(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Records the message for delivery after the current transaction commits.
     *
     * @param kind     what the message is, for the log and counts ({@code portal.confirmation}, {@code offer.reminder})
     * @param dedupKey unique key of this message, or null; a second message with the same key is dropped
     * @return the outbox row's id, or empty when a message with that key exists
     * @throws InvalidMailAddressException when a recipient or the reply-to address is not valid
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> enqueue(String kind, OutgoingMail mail, @Nullable String dedupKey) {
        mail.to().forEach(address -> MailService.parse("to", address));
        if (mail.replyTo() != null) {
            MailService.parse("replyTo", mail.replyTo());
        }
        Optional<Long> id = jdbc.sql("""
                        insert into mail_outbox (dedup_key, kind, recipients, reply_to, subject, body_text, body_html)
                        values (:key, :kind, :to, :replyTo, :subject, :text, :html)
                        on conflict (dedup_key) do nothing
                        returning id
                        """)
                .param("key", dedupKey)
                .param("kind", kind)
                .param("to", mail.to().toArray(String[]::new))
                .param("replyTo", mail.replyTo())
                .param("subject", MailService.singleLine(mail.subject()))
                .param("text", mail.text())
                .param("html", mail.html())
                .query(Long.class).optional();
        id.ifPresent(ignored -> events.publishEvent(new MailEnqueued()));
        return id;
    }

    /** Published when a message was enqueued; the worker delivers after the commit. */
    public record MailEnqueued() {
    }
}
