package fr.passerelle.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records that the server accepted a message, on the thread that got the acceptance, before another message of the
 * instance may pass its final dot (see {@link GatedSmtpTransport}): one insert into {@code mail_sent_mark}, a narrow
 * table without index or constraint, on a database connection kept for the delivery run. The gate lets one message
 * at a time wait for its record, so one connection serves all the SMTP connections; a lock keeps it right without
 * the gate. No thread hand-off: the record is on the path of every message, its latency is the delivery's speed.
 * {@link #fold} then turns the marks into {@code SENT} rows of the outbox, in one set-based statement after a batch.
 */
final class SentMarks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SentMarks.class);
    private static final int ATTEMPTS = 3;
    private static final String MARK = "insert into mail_sent_mark (outbox_id, message_id) values (?, ?)";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock folding = new ReentrantLock();
    private @Nullable Connection connection;
    private @Nullable PreparedStatement mark;

    SentMarks(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transaction) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Records every mark written so far, by any instance, as its outbox row {@code SENT} with its Message-ID and time,
     * and deletes them, in one transaction that does not wait for the WAL flush (lost in a crash of PostgreSQL, it
     * leaves the marks, folded again). Two instances folding at once fold each mark once: the second skips the rows the
     * first deleted. Run before stale claims are released, so that a mark a crash left is recorded instead of sent
     * again, and at the end of a run. Returns how many rows it recorded.
     */
    static int fold(JdbcClient jdbc, TransactionTemplate transaction) {
        Integer folded = transaction.execute(status -> {
            OutboxDelivery.noFlush(jdbc);
            List<Long> ids = new ArrayList<>();
            List<String> messageIds = new ArrayList<>();
            List<java.sql.Timestamp> times = new ArrayList<>();
            jdbc.sql("delete from mail_sent_mark returning outbox_id, message_id, marked_at").query(rs -> {
                ids.add(rs.getLong(1));
                messageIds.add(rs.getString(2));
                times.add(rs.getTimestamp(3));
            });
            if (ids.isEmpty()) {
                return 0;
            }
            // From arrays, not from the delete's result joined in one statement: the planner cannot tell how many rows
            // that gives and scanned the whole outbox for each fold; unnest's estimate keeps it to the key's index.
            return jdbc.sql("""
                            update mail_outbox o set status = 'SENT', sent_at = u.marked_at, finished_at = u.marked_at,
                                                     message_id = u.message_id, last_error = null
                            from unnest(:ids::bigint[], :messageIds::text[], :times::timestamptz[]) as u(id, message_id, marked_at)
                            where o.id = u.id
                            """)
                    .param("ids", ids.stream().mapToLong(Long::longValue).toArray())
                    .param("messageIds", messageIds.toArray(String[]::new))
                    .param("times", times.toArray(java.sql.Timestamp[]::new))
                    .update();
        });
        return folded == null ? 0 : folded;
    }

    /**
     * Folds the marks after a batch, unless another connection of the run is folding them now (it takes this batch's
     * too, or the next fold does): the connections never queue behind one another's folds.
     */
    void foldUnlessBusy() {
        if (folding.tryLock()) {
            try {
                fold(jdbc, transaction);
            } finally {
                folding.unlock();
            }
        }
    }

    /** Folds what the run marked, waiting for a fold in progress. */
    void foldAll() {
        folding.lock();
        try {
            fold(jdbc, transaction);
        } finally {
            folding.unlock();
        }
    }

    /**
     * Records the message accepted, trying again twice when the database does not answer; false when it could not be
     * recorded (the row stays claimed: released after the stale delay, it is sent again, logged as such).
     */
    boolean sent(long id, String messageId) {
        lock.lock();
        try {
            SQLException last = null;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                try {
                    PreparedStatement statement = statement();
                    statement.setLong(1, id);
                    statement.setString(2, messageId);
                    statement.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    last = e;
                    release();
                    if (attempt == ATTEMPTS - 1 || !pause(200L << attempt)) {
                        break;
                    }
                }
            }
            log.error("Mail outbox: message {} was sent but could not be recorded as sent ({}); it will be sent again", id,
                    String.valueOf(last));
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The statement on the run's connection, opened at the first mark. The connection does not wait for the WAL flush
     * ({@code synchronous_commit = off} for it alone, reset before it goes back to the pool): safe from a crash of the
     * application, the one the sending side can suffer; a crash of PostgreSQL itself (or of its machine) may lose the
     * last marks committed, at most {@code 3 × wal_writer_delay} (600 ms by default), whose messages are then sent again.
     */
    private PreparedStatement statement() throws SQLException {
        if (mark == null) {
            Connection opened = dataSource.getConnection();
            try {
                opened.setAutoCommit(true);
                try (var set = opened.createStatement()) {
                    set.execute("set synchronous_commit = off");
                }
                mark = opened.prepareStatement(MARK);
                connection = opened;
            } catch (SQLException e) {
                opened.close();
                throw e;
            }
        }
        return mark;
    }

    private void release() {
        if (connection != null) {
            try (var set = connection.createStatement()) {
                set.execute("reset synchronous_commit");
            } catch (SQLException e) {
                // A broken connection: the pool drops it.
            }
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Mail outbox: closing the marks' connection: {}", e.toString());
            }
        }
        connection = null;
        mark = null;
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives the connection back to the pool. */
    @Override
    public void close() {
        lock.lock();
        try {
            release();
        } finally {
            lock.unlock();
        }
    }
}
