package fr.passerelle.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records sent messages as {@code SENT} with their Message-ID, with group commit: one writer thread turns
 * whatever the connections have sent meanwhile into one set-based statement, while they go on sending. A
 * connection waits for its own marks before it sends its next message, and its final dot waits for every mark of
 * the instance, which is what bounds the messages a crash can have sent without a trace (sent again after the restart).
 */
final class SentMarks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SentMarks.class);
    private static final int MOST_PER_STATEMENT = 2_000;

    private final JdbcClient jdbc;
    private final String instance;
    private final LinkedBlockingQueue<Mark> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closing;

    SentMarks(JdbcClient jdbc, String instance) {
        this.jdbc = jdbc;
        this.instance = instance;
        this.writer = Thread.ofVirtual().name("mail-outbox-marks").start(this::write);
    }

    /** Queues the mark; the future completes once it is committed (or failed to be). */
    CompletableFuture<Void> sent(long id, String messageId) {
        var mark = new Mark(id, messageId, new CompletableFuture<>());
        queue.add(mark);
        return mark.done();
    }

    private void write() {
        List<Mark> marks = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                Mark first = queue.poll(20, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                marks.add(first);
                queue.drainTo(marks, MOST_PER_STATEMENT - 1);
                store(marks);
                marks.forEach(mark -> mark.done().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The rows stay SENDING: released after the stale delay, they are sent again (logged as such).
                log.error("Mail outbox: {} messages sent could not be recorded as sent ({}); they will be sent again", marks.size(),
                        e.toString());
                marks.forEach(mark -> mark.done().completeExceptionally(e));
            }
            marks.clear();
        }
    }

    private void store(List<Mark> marks) {
        long[] ids = marks.stream().mapToLong(Mark::id).toArray();
        String[] messageIds = marks.stream().map(Mark::messageId).toArray(String[]::new);
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                writeMarks(ids, messageIds);
                return;
            } catch (RuntimeException e) {
                last = e;
                try {
                    Thread.sleep(200L << attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    /**
     * One statement, in its own implicit transaction, that does not wait for the WAL flush: {@code set_config(…, true)}
     * is {@code SET LOCAL synchronous_commit = off} for that transaction only, read when it commits. One round trip, as
     * the sending connection waits for it. Safe from a crash of the application, the one the sending side can suffer;
     * a crash of PostgreSQL itself (or of its machine) may lose the last marks committed, at most
     * {@code 3 × wal_writer_delay} (600 ms by default), whose messages are then sent again.
     */
    private void writeMarks(long[] ids, String[] messageIds) {
        jdbc.sql("""
                        update mail_outbox o set status = 'SENT', sent_at = now(), finished_at = now(), message_id = u.message_id,
                                                 last_error = null
                        from unnest(:ids::bigint[], :messageIds::text[]) as u(id, message_id),
                             (select set_config('synchronous_commit', 'off', true)) as no_flush
                        where o.id = u.id and o.claimed_by = :instance
                        """)
                .param("ids", ids).param("messageIds", messageIds).param("instance", instance).update();
    }

    /** Writes what is queued and stops. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        writer.join();
    }

    private record Mark(long id, String messageId, CompletableFuture<Void> done) {
    }
}
