package fr.passerelle.mail;

import java.lang.management.ManagementFactory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers the {@link MailOutbox}: claims due rows in small batches ({@code FOR UPDATE SKIP LOCKED}, so two
 * instances never claim the same row), sends each over SMTP and marks it sent with its {@code Message-ID}.
 * A temporary failure (server unreachable, refusal) is retried with exponential back-off, up to
 * {@code max-attempts}; a permanent one (invalid address) fails the row at once. A row claimed by an
 * instance that died is claimed again after {@code stale-after}: only the message in flight at the crash
 * may then be sent twice. Runs after each commit that enqueued mail, and on its schedule.
 */
@Component
class OutboxDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private final JdbcClient jdbc;
    private final MailService mail;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final Duration staleAfter;
    private final String instance;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("mail-outbox").factory());
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();

    OutboxDelivery(JdbcClient jdbc, MailService mail,
                   @Value("${passerelle.mail.outbox.batch-size:20}") int batchSize,
                   @Value("${passerelle.mail.outbox.max-attempts:8}") int maxAttempts,
                   @Value("${passerelle.mail.outbox.first-retry:PT1M}") Duration firstRetry,
                   @Value("${passerelle.mail.outbox.stale-after:PT10M}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
        this.staleAfter = staleAfter;
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void afterCommit(MailOutbox.MailEnqueued event) {
        wakeUp();
    }

    /** Delivers what is due soon, off the caller's thread; several calls while it runs make one more run. */
    void wakeUp() {
        if (wakeUpPending.compareAndSet(false, true) && !worker.isShutdown()) {
            worker.execute(() -> {
                wakeUpPending.set(false);
                deliverDue();
            });
        }
    }

    @Scheduled(fixedDelayString = "${passerelle.mail.outbox.poll-interval:PT30S}", initialDelayString = "PT5S")
    void onSchedule() {
        wakeUp();
    }

    /** Sends every message that is due now; returns how many were sent. */
    int deliverDue() {
        int sent = 0;
        try {
            releaseStaleClaims();
            List<Row> batch;
            do {
                batch = claim();
                for (Row row : batch) {
                    if (deliver(row)) {
                        sent++;
                    }
                }
            } while (batch.size() == batchSize);
        } catch (RuntimeException e) {
            // The database is away or similar: the rows stay, the next run takes them.
            log.warn("Mail outbox: delivery interrupted ({}); the messages left are retried on the next run", e.toString());
        }
        return sent;
    }

    private void releaseStaleClaims() {
        int released = jdbc.sql("""
                        update mail_outbox set status = 'PENDING', claimed_at = null, claimed_by = null
                        where status = 'SENDING' and claimed_at < now() - make_interval(secs => :seconds)
                        """)
                .param("seconds", staleAfter.toSeconds()).update();
        if (released > 0) {
            log.warn("Mail outbox: {} messages claimed by an instance that stopped are queued again", released);
        }
    }

    private List<Row> claim() {
        return jdbc.sql("""
                        update mail_outbox set status = 'SENDING', claimed_at = now(), claimed_by = :instance,
                                               attempts = attempts + 1
                        where id in (select id from mail_outbox
                                     where status = 'PENDING' and next_attempt_at <= now()
                                     order by next_attempt_at, id
                                     limit :limit
                                     for update skip locked)
                        returning id, kind, recipients, reply_to, subject, body_text, body_html, attempts
                        """)
                .param("instance", instance)
                .param("limit", batchSize)
                .query(OutboxDelivery::row).list();
    }

    private boolean deliver(Row row) {
        var message = new OutgoingMail(row.recipients(), row.subject(), row.text(), row.html(), row.replyTo());
        try {
            String messageId = mail.send(message);
            jdbc.sql("""
                            update mail_outbox set status = 'SENT', sent_at = now(), message_id = :messageId, last_error = null
                            where id = :id and claimed_by = :instance
                            """)
                    .param("id", row.id()).param("messageId", messageId).param("instance", instance).update();
            return true;
        } catch (InvalidMailAddressException e) {
            fail(row, e);
        } catch (MailDeliveryException | IllegalStateException e) {
            if (row.attempts() >= maxAttempts) {
                fail(row, e);
            } else {
                Duration wait = backOff(row.attempts());
                log.info("Mail outbox: '{}' ({}) not sent, attempt {} of {}; next in {}: {}", row.kind(), row.id(), row.attempts(),
                        maxAttempts, wait, e.getMessage());
                jdbc.sql("""
                                update mail_outbox set status = 'PENDING', claimed_at = null, claimed_by = null, last_error = :error,
                                                       next_attempt_at = now() + make_interval(secs => :seconds)
                                where id = :id and claimed_by = :instance
                                """)
                        .param("id", row.id()).param("error", abbreviate(e.getMessage())).param("seconds", wait.toSeconds())
                        .param("instance", instance).update();
            }
        }
        return false;
    }

    /** 1, 2, 4, 8… times the first retry, at most six hours. */
    Duration backOff(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(Duration.ofHours(6)) > 0 ? Duration.ofHours(6) : wait;
    }

    private void fail(Row row, RuntimeException e) {
        log.warn("Mail outbox: '{}' ({}) to {} given up after {} attempts: {}", row.kind(), row.id(), row.recipients(),
                row.attempts(), e.getMessage());
        jdbc.sql("update mail_outbox set status = 'FAILED', claimed_at = null, last_error = :error where id = :id and claimed_by = :instance")
                .param("id", row.id()).param("error", abbreviate(e.getMessage())).param("instance", instance).update();
    }

    private static @Nullable String abbreviate(@Nullable String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private static Row row(ResultSet rs, int index) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("kind"), Arrays.asList((String[]) rs.getArray("recipients").getArray()),
                rs.getString("reply_to"), rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
                rs.getInt("attempts"));
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    private record Row(long id, String kind, List<String> recipients, @Nullable String replyTo, String subject, String text,
                       @Nullable String html, int attempts) {
    }
}
