package fr.passerelle.mail;

import java.util.List;
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

    private static final int CHUNK = 10_000;

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
                        insert into mail_outbox (dedup_key, kind, recipients, reply_to, subject, body_text, body_html, headers)
                        values (:key, :kind, :to, :replyTo, :subject, :text, :html, :headers)
                        on conflict (dedup_key) where dedup_key is not null do nothing
                        returning id
                        """)
                .param("key", dedupKey)
                .param("kind", kind)
                .param("to", mail.to().toArray(String[]::new))
                .param("replyTo", mail.replyTo())
                .param("subject", MailService.singleLine(mail.subject()))
                .param("text", mail.text())
                .param("html", mail.html())
                .param("headers", mail.headers().isEmpty() ? null : mail.headers().entrySet().stream()
                        .map(header -> header.getKey() + ": " + header.getValue()).toArray(String[]::new))
                .query(Long.class).optional();
        id.ifPresent(ignored -> events.publishEvent(new MailEnqueued()));
        return id;
    }

    /**
     * Enqueues one message per recipient of the stream, composed when it is sent by the {@link MailComposer} of
     * {@code kind}. Set-based (one statement per 10,000 recipients): a campaign's 100,000 recipients take seconds.
     * A recipient whose {@code ref} the stream already holds is not enqueued again, so a fan-out that runs twice
     * sends each recipient once. An address that is not valid is recorded at once as {@code FAILED}, so the
     * stream's progress counts it. Joins the caller's transaction when there is one.
     *
     * @return how many rows were written (recipients already in the stream are not counted)
     * @throws IllegalArgumentException when the stream was not opened ({@link MailStreams#open})
     * @throws IllegalStateException    when the stream is cancelled
     */
    @Transactional
    public int enqueueComposed(String kind, String stream, List<Recipient> recipients) {
        String state = jdbc.sql("select state from mail_stream where name = :name for share").param("name", stream)
                .query(String.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("No mail stream '" + stream + "': open it first"));
        if (state.equals("CANCELLED")) {
            throw new IllegalStateException("The mail stream '" + stream + "' is cancelled");
        }
        int written = 0;
        for (int from = 0; from < recipients.size(); from += CHUNK) {
            List<Recipient> chunk = recipients.subList(from, Math.min(recipients.size(), from + CHUNK));
            String[] addresses = new String[chunk.size()];
            long[] refs = new long[chunk.size()];
            String[] errors = new String[chunk.size()];
            for (int i = 0; i < chunk.size(); i++) {
                addresses[i] = chunk.get(i).address().strip();
                refs[i] = chunk.get(i).ref();
                try {
                    MailService.parse("to", addresses[i]);
                } catch (InvalidMailAddressException e) {
                    errors[i] = e.getMessage();
                }
            }
            written += jdbc.sql("""
                            insert into mail_outbox (kind, stream, ref, recipients, status, last_error, finished_at)
                            select :kind, :stream, r.ref, array[r.address],
                                   case when r.error is null then 'PENDING' else 'FAILED' end, r.error,
                                   case when r.error is null then null else now() end
                            from unnest(:addresses::text[], :refs::bigint[], :errors::text[]) as r(address, ref, error)
                            on conflict (stream, ref) do nothing
                            """)
                    .param("kind", kind).param("stream", stream)
                    .param("addresses", addresses).param("refs", refs).param("errors", errors)
                    .update();
        }
        if (written > 0) {
            events.publishEvent(new MailEnqueued());
        }
        return written;
    }

    /** A recipient of a composed message: the address it goes to, and the caller's id for them (unique in a stream). */
    public record Recipient(String address, long ref) {
    }

    /** Published when a message was enqueued; the worker delivers after the commit. */
    public record MailEnqueued() {
    }
}
