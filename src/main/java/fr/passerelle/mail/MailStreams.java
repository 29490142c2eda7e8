package fr.passerelle.mail;

import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streams of the outbox: a stream is one campaign's messages ({@code campaign:42}), enqueued with
 * {@link MailOutbox#enqueueComposed}. It is delivered while {@code ACTIVE}, at most {@code perMinute} messages a
 * minute when set (and within the global limit {@code passerelle.mail.outbox.global-per-minute}), across every
 * instance; {@code PAUSED} keeps its rows for later; {@code CANCELLED} is final and its pending rows are never sent.
 * Messages already being sent when a stream is paused or cancelled still go (at most one batch per connection).
 * A stream pauses itself when more than {@code maxErrorRate} of the send attempts the SMTP server answered since
 * it opened or resumed failed, once it has {@code minSample} of them; {@link MailStreamPaused} is then published.
 *
 * <p>Not {@code @PreAuthorize}d, like {@link MailOutbox}: the module that owns the stream decides who may act on it.
 */
@Service
@Transactional
public class MailStreams {

    public static final int DEFAULT_MIN_SAMPLE = 50;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    MailStreams(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Opens the stream, {@code ACTIVE}; opening one that exists changes its rate and error limit only.
     *
     * @param perMinute    messages a minute at most, or null for as fast as the global limit allows
     * @param maxErrorRate the share of failed attempts (0 < rate <= 1) beyond which it pauses itself, or null for never
     */
    public void open(String name, @Nullable Integer perMinute, @Nullable Double maxErrorRate) {
        open(name, perMinute, maxErrorRate, DEFAULT_MIN_SAMPLE);
    }

    /** As {@link #open(String, Integer, Double)}, the error limit applying once {@code minSample} attempts were answered. */
    public void open(String name, @Nullable Integer perMinute, @Nullable Double maxErrorRate, int minSample) {
        if (perMinute != null && perMinute < 1) {
            throw new IllegalArgumentException("A stream's rate is at least one message a minute");
        }
        if (maxErrorRate != null && !(maxErrorRate > 0 && maxErrorRate <= 1)) {
            throw new IllegalArgumentException("An error rate is between 0 (excluded) and 1");
        }
        jdbc.sql("""
                        insert into mail_stream (name, per_minute, max_error_rate, min_sample, tokens)
                        values (:name, :perMinute, :maxErrorRate, :minSample, :burst)
                        on conflict (name) do update set per_minute = excluded.per_minute, max_error_rate = excluded.max_error_rate,
                                                         min_sample = excluded.min_sample, changed_at = now()
                        """)
                .param("name", name).param("perMinute", perMinute).param("maxErrorRate", maxErrorRate)
                .param("minSample", minSample).param("burst", perMinute == null ? 0 : Throttle.burst(perMinute))
                .update();
    }

    /** Stops claiming the stream's messages; false when it was not {@code ACTIVE}. */
    public boolean pause(String name, String reason) {
        return change(name, "update mail_stream set state = 'PAUSED', paused_reason = :reason, changed_at = now() where name = :name and state = 'ACTIVE'",
                reason);
    }

    /** Claims the stream's messages again, with a fresh error sample; false when it was not {@code PAUSED}. */
    public boolean resume(String name) {
        boolean resumed = change(name, """
                update mail_stream set state = 'ACTIVE', paused_reason = null, sample_sent = 0, sample_errors = 0, changed_at = now()
                where name = :name and state = 'PAUSED'
                """, null);
        if (resumed) {
            events.publishEvent(new MailOutbox.MailEnqueued());
        }
        return resumed;
    }

    /** Cancels the stream for good: its pending messages become {@code CANCELLED}, never sent; false when it already was. */
    public boolean cancel(String name) {
        boolean cancelled = change(name, """
                update mail_stream set state = 'CANCELLED', paused_reason = null, changed_at = now()
                where name = :name and state <> 'CANCELLED'
                """, null);
        if (cancelled) {
            jdbc.sql("""
                            update mail_outbox set status = 'CANCELLED', finished_at = now()
                            where stream = :name and status = 'PENDING'
                            """)
                    .param("name", name).update();
        }
        return cancelled;
    }

    /** Changes the stream's rate: messages a minute, or null for no limit of its own. */
    public void setRate(String name, @Nullable Integer perMinute) {
        if (perMinute != null && perMinute < 1) {
            throw new IllegalArgumentException("A stream's rate is at least one message a minute");
        }
        // Tokens gathered under the old rate are kept, within the new burst.
        int updated = jdbc.sql("""
                        update mail_stream set per_minute = :perMinute, tokens = least(tokens, :burst), changed_at = now()
                        where name = :name
                        """)
                .param("name", name).param("perMinute", perMinute).param("burst", perMinute == null ? 0 : Throttle.burst(perMinute))
                .update();
        if (updated == 0) {
            throw unknown(name);
        }
    }

    /** Where the stream stands, its sent and failed messages counted per minute (or hour) since it opened. */
    @Transactional(readOnly = true)
    public StreamProgress progress(String name, ChronoUnit per) {
        if (per != ChronoUnit.MINUTES && per != ChronoUnit.HOURS) {
            throw new IllegalArgumentException("Progress is counted per minute or per hour");
        }
        var stream = jdbc.sql("select state, per_minute, paused_reason from mail_stream where name = :name").param("name", name)
                .query((rs, row) -> new Object[]{rs.getString(1), rs.getObject(2, Integer.class), rs.getString(3)})
                .optional().orElseThrow(() -> unknown(name));
        var counts = jdbc.sql("""
                        select count(*) filter (where status = 'PENDING'), count(*) filter (where status = 'SENDING'),
                               count(*) filter (where status = 'SENT'), count(*) filter (where status = 'FAILED'),
                               count(*) filter (where status = 'SKIPPED'), count(*) filter (where status = 'CANCELLED')
                        from mail_outbox where stream = :name
                        """)
                .param("name", name)
                .query((rs, row) -> new StreamProgress.Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)))
                .single();
        List<StreamProgress.Period> series = jdbc.sql("""
                        select date_trunc(:unit, finished_at) as period, count(*) filter (where status = 'SENT'),
                               count(*) filter (where status = 'FAILED')
                        from mail_outbox
                        where stream = :name and finished_at is not null and status in ('SENT', 'FAILED')
                        group by period order by period
                        """)
                .param("name", name).param("unit", per == ChronoUnit.MINUTES ? "minute" : "hour")
                .query((rs, row) -> new StreamProgress.Period(rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                        rs.getLong(2), rs.getLong(3)))
                .list();
        return new StreamProgress(name, StreamProgress.State.valueOf((String) stream[0]), (Integer) stream[1],
                (String) stream[2], counts, series);
    }

    /** As {@link #progress(String, ChronoUnit)}, per minute. */
    @Transactional(readOnly = true)
    public StreamProgress progress(String name) {
        return progress(name, ChronoUnit.MINUTES);
    }

    private boolean change(String name, String sql, @Nullable String reason) {
        // Locks the stream row: a claim running now on any instance finishes first, the next one sees the change.
        jdbc.sql("select name from mail_stream where name = :name for update").param("name", name).query(String.class)
                .optional().orElseThrow(() -> unknown(name));
        var statement = jdbc.sql(sql).param("name", name);
        if (reason != null) {
            statement = statement.param("reason", reason.isBlank() ? "-" : reason.strip());
        }
        return statement.update() == 1;
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("No mail stream '" + name + "'");
    }
}
