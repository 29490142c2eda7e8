package fr.passerelle.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the {@link MailOutbox} over {@code connections} SMTP connections in parallel, each kept open for the
 * run. Each connection claims a batch ({@code FOR UPDATE SKIP LOCKED}: two instances never claim the same row):
 * direct messages first, then the {@link MailStreams streams} in turn, each within its own rate and the global
 * one (token buckets in the database, locked by the claim, so the rates hold across instances). Composed rows
 * are written by their kind's {@link MailComposer}, a batch at a time. Each sent message is recorded {@code SENT}
 * with its {@code Message-ID} by {@link SentMarks} before its connection sends the next one, and the connections pass
 * the final dot one at a time ({@link GatedSmtpTransport}): at a crash, the instance has at most one message the
 * server may have taken without a record of it, sent again after the restart. While one connection writes its
 * record, the others build and send their next messages up to that final dot.
 *
 * <p>A temporary failure (server unreachable, a 4xx refusal, no composer) is retried with exponential back-off,
 * up to {@code max-attempts}; a permanent one (invalid address, a 5xx refusal) fails the row at once and counts
 * in its stream's error rate, which pauses the stream past its limit. A row claimed by an instance that died is
 * claimed again after {@code stale-after}; a live instance renews its claims four times in that delay. Runs after each commit that enqueued mail, on its schedule, and when
 * a throttled stream has its next token.
 */
@Component
class OutboxDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final String RETURNING = "returning id, kind, stream, ref, recipients, reply_to, subject, body_text, body_html, headers, attempts";

    /**
     * @param globalPerMinute         messages a minute over every instance, 0 for no limit, written into the database when
     *                                the application starts (the claims read it there); direct messages count in it but
     *                                are never held back by it
     */
    record Settings(int batchSize, int maxAttempts, Duration firstRetry, Duration staleAfter, int connections,
                    int globalPerMinute) {

        Settings {
            if (batchSize < 1 || maxAttempts < 1 || connections < 1 || globalPerMinute < 0) {
                throw new IllegalArgumentException("Invalid outbox settings: " + batchSize + ", " + maxAttempts + ", "
                        + connections + ", " + globalPerMinute);
            }
        }

        static Settings defaults() {
            return new Settings(100, 8, Duration.ofMinutes(1), Duration.ofMinutes(1), 4, 0);
        }

        Settings withBatchSize(int size) {
            return new Settings(size, maxAttempts, firstRetry, staleAfter, connections, globalPerMinute);
        }

        Settings withMaxAttempts(int attempts) {
            return new Settings(batchSize, attempts, firstRetry, staleAfter, connections, globalPerMinute);
        }


        Settings withStaleAfter(Duration stale) {
            return new Settings(batchSize, maxAttempts, firstRetry, stale, connections, globalPerMinute);
        }

        Settings withConnections(int count) {
            return new Settings(batchSize, maxAttempts, firstRetry, staleAfter, count, globalPerMinute);
        }
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final MailService mail;
    private final Map<String, MailComposer> composers = new HashMap<>();
    private final ApplicationEventPublisher events;
    private final Settings settings;
    private final String instance;
    private final String messageIdDomain;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("mail-outbox").factory());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("mail-outbox-timer").factory());
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicLong messageCounter = new AtomicLong();
    /** One message at a time, over all connections, between its final dot and its record (see GatedSmtpTransport). */
    private final Semaphore finalDot = new Semaphore(1, true);

    @Autowired
    OutboxDelivery(DataSource dataSource, MailService mail, List<MailComposer> composers,
                   ApplicationEventPublisher events,
                   @Value("${passerelle.mail.outbox.batch-size:100}") int batchSize,
                   @Value("${passerelle.mail.outbox.max-attempts:8}") int maxAttempts,
                   @Value("${passerelle.mail.outbox.first-retry:PT1M}") Duration firstRetry,
                   @Value("${passerelle.mail.outbox.stale-after:PT1M}") Duration staleAfter,
                   @Value("${passerelle.mail.outbox.connections:4}") int connections,
                   @Value("${passerelle.mail.outbox.global-per-minute:0}") int globalPerMinute) {
        this(dataSource, mail, composers, events,
                new Settings(batchSize, maxAttempts, firstRetry, staleAfter, connections, globalPerMinute));
    }

    OutboxDelivery(DataSource dataSource, MailService mail, List<MailComposer> composers,
                   ApplicationEventPublisher events, Settings settings) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        // Its own JDBC transactions (claims, pauses): the JPA transaction manager's session set-up and clean-up were half
        // of a claim's time in the JVM, and the outbox never shares a transaction with anything else.
        this.transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.mail = mail;
        this.events = events;
        this.settings = settings;
        for (MailComposer composer : composers) {
            MailComposer other = this.composers.put(composer.kind(), composer);
            if (other != null) {
                throw new IllegalStateException("Two mail composers for the kind '" + composer.kind() + "': "
                        + other.getClass().getName() + " and " + composer.getClass().getName());
            }
        }
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.messageIdDomain = mail.fromDomain();
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

    /** Sends every message that is due now and within the rates; returns how many were sent. */
    int deliverDue() {
        var run = new Run();
        try {
            releaseStaleClaims();
        } catch (RuntimeException e) {
            log.warn("Mail outbox: the database is not answering ({}); the messages are sent on a later run", e.toString());
            return 0;
        }
        int sent = 0;
        // While this run holds claims, it says so: another instance releases only the claims nobody renews.
        long renewEvery = Math.max(250, settings.staleAfter().toMillis() / 4);
        var renewal = timer.isShutdown() ? null
                : timer.scheduleAtFixedRate(this::renewClaims, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        try (var marks = new SentMarks(dataSource, jdbc, transaction);
             var lanes = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("mail-outbox-connection-", 1).factory())) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < settings.connections(); i++) {
                results.add(lanes.submit(() -> connection(run, marks)));
            }
            for (Future<Integer> result : results) {
                sent += result.get();
            }
            if (sent > 0) {
                // What the connections' last folds left (one was folding while another ended its batch).
                foldAtTheEnd(marks);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.warn("Mail outbox: delivery interrupted ({}); the messages left are sent on a later run", e.getCause().toString());
        } finally {
            if (renewal != null) {
                renewal.cancel(false);
            }
        }
        long wait = run.nextToken.get();
        if (wait != Long.MAX_VALUE && !timer.isShutdown()) {
            // A throttled stream has more to send: come back when it may, in steps of at least a second.
            timer.schedule(this::wakeUp, Math.max(wait, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
        }
        return sent;
    }

    private static void foldAtTheEnd(SentMarks marks) {
        try {
            marks.foldAll();
        } catch (RuntimeException e) {
            log.warn("Mail outbox: the marks of the messages sent are not folded yet ({}); the next run folds them", e.toString());
        }
    }

    /** One SMTP connection's share of the run: claim, compose, send, record, until nothing is left that may go. */
    private int connection(Run run, SentMarks marks) {
        int sent = 0;
        try (var smtp = new SmtpConnection(mail.sender(), finalDot)) {
            List<Row> batch;
            while (!(batch = claimNext(run)).isEmpty()) {
                var outcome = deliver(batch, smtp, marks);
                sent += outcome.sent();
                if (outcome.unreachable()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            // The database is away or similar: the rows stay claimed, released after the stale delay.
            log.warn("Mail outbox: delivery interrupted ({}); the messages left are retried on a later run", e.toString());
        }
        return sent;
    }

    /**
     * Renews this instance's claims (a few hundred rows at most: connections × batch size), so that only the claims of
     * an instance that stopped grow stale, however long a batch takes (a slow server, a throttle).
     */
    private void renewClaims() {
        try {
            jdbc.sql("update mail_outbox set claimed_at = now() where status = 'SENDING' and claimed_by = :instance")
                    .param("instance", instance).update();
        } catch (RuntimeException e) {
            log.warn("Mail outbox: the claims could not be renewed ({})", e.toString());
        }
    }

    private void releaseStaleClaims() {
        // The marks first: a message a stopped instance recorded accepted is recorded sent, not queued again.
        SentMarks.fold(jdbc, transaction);
        int released = jdbc.sql("""
                        update mail_outbox set status = 'PENDING', claimed_at = null, claimed_by = null
                        where status = 'SENDING' and claimed_at < now() - make_interval(secs => :seconds)
                        """)
                .param("seconds", settings.staleAfter().toSeconds()).update();
        if (released > 0) {
            log.warn("Mail outbox: {} messages claimed by an instance that stopped are queued again", released);
        }
    }

    /**
     * The current transaction commits without waiting for the WAL flush. Claims, folds and error samples do: a claim holds its
     * stream's row until it commits, and waiting for the flush there made the connections queue behind one another's
     * flushes. A crash of PostgreSQL may lose the last ones (at most {@code 3 × wal_writer_delay}); WAL being replayed
     * in order, it loses the marks written after them too, so their messages are sent again, as for a lost mark.
     */
    static void noFlush(JdbcClient jdbc) {
        jdbc.sql("set local synchronous_commit = off").update();
    }

    /** The next batch: direct messages first, then the streams in turn, within their rates. */
    private List<Row> claimNext(Run run) {
        List<Row> direct = transaction.execute(status -> {
            noFlush(jdbc);
            return claimDirect(run);
        });
        if (!direct.isEmpty()) {
            return direct;
        }
        boolean fresh = false;
        List<String> streams = run.streamsDue();
        if (streams == null) {
            streams = run.streamsDue(streamsDue());
            fresh = true;
        }
        while (true) {
            int first = Math.floorMod(turn.getAndIncrement(), Math.max(1, streams.size()));
            for (int i = 0; i < streams.size(); i++) {
                String stream = streams.get((first + i) % streams.size());
                int due = streams.size();
                List<Row> rows = transaction.execute(status -> {
                    noFlush(jdbc);
                    return claimStream(stream, due, run);
                });
                if (!rows.isEmpty()) {
                    return rows;
                }
            }
            if (fresh) {
                return List.of();
            }
            // The streams known a moment ago gave nothing: ask which have due rows now, once.
            streams = run.streamsDue(streamsDue());
            fresh = true;
        }
    }

    /** The active streams that have rows due, asked once a second at most by a run (not for every claim). */
    private List<String> streamsDue() {
        return jdbc.sql("""
                        select s.name from mail_stream s
                        where s.state = 'ACTIVE'
                          and exists (select 1 from mail_outbox o
                                      where o.stream = s.name and o.status = 'PENDING' and o.next_attempt_at <= now())
                        order by s.name
                        """)
                .query(String.class).list();
    }

    private List<Row> claimDirect(Run run) {
        List<Row> rows = jdbc.sql("""
                        update mail_outbox set status = 'SENDING', claimed_at = now(), claimed_by = :instance, attempts = attempts + 1
                        where id in (select id from mail_outbox
                                     where status = 'PENDING' and stream is null and next_attempt_at <= now()
                                     order by next_attempt_at, id
                                     limit :limit
                                     for update skip locked)
                        """ + RETURNING)
                .param("instance", instance).param("limit", settings.batchSize())
                .query(OutboxDelivery::row).list();
        if (!rows.isEmpty()) {
            // Never held back (a sign-in link cannot wait for a campaign), but campaigns slow down for them.
            globalAllowance(run).ifPresent(global -> jdbc.sql("update mail_global_allowance set tokens = :tokens, tokens_at = now()")
                    .param("tokens", global.available() - rows.size()).update());
        }
        return sorted(rows);
    }

    private List<Row> claimStream(String stream, int streamsDue, Run run) {
        var state = jdbc.sql("""
                        select state, per_minute, tokens, extract(epoch from now() - tokens_at) from mail_stream
                        where name = :name for update
                        """)
                .param("name", stream)
                .query((rs, i) -> new StreamState(rs.getString(1), rs.getObject(2, Integer.class), rs.getDouble(3), rs.getDouble(4)))
                .single();
        if (!state.state().equals("ACTIVE")) {
            return List.of();
        }
        int limit = settings.batchSize();
        double streamAvailable = 0;
        if (state.perMinute() != null) {
            streamAvailable = Throttle.available(state.perMinute(), state.tokens(), state.elapsedSeconds());
            if (streamAvailable < 1) {
                run.waitFor(Throttle.nanosUntilOne(state.perMinute(), streamAvailable));
                return List.of();
            }
            limit = Math.min(limit, (int) Math.floor(streamAvailable));
        }
        var global = globalAllowance(run).orElse(null);
        if (global != null) {
            if (global.available() < 1) {
                run.waitFor(Throttle.nanosUntilOne(global.perMinute(), global.available()));
                return List.of();
            }
            // Streams due share what the global bucket holds, so that each gets its turn.
            limit = Math.min(limit, Math.max(1, (int) Math.floor(global.available() / streamsDue)));
        }
        List<Row> rows = jdbc.sql("""
                        update mail_outbox set status = 'SENDING', claimed_at = now(), claimed_by = :instance, attempts = attempts + 1
                        where id in (select id from mail_outbox
                                     where stream = :stream and status = 'PENDING' and next_attempt_at <= now()
                                     order by next_attempt_at, id
                                     limit :limit
                                     for update skip locked)
                        """ + RETURNING)
                .param("instance", instance).param("stream", stream).param("limit", limit)
                .query(OutboxDelivery::row).list();
        if (state.perMinute() != null) {
            jdbc.sql("update mail_stream set tokens = :tokens, tokens_at = now() where name = :name")
                    .param("tokens", streamAvailable - rows.size()).param("name", stream).update();
            if (rows.size() == limit && streamAvailable - rows.size() < 1) {
                run.waitFor(Throttle.nanosUntilOne(state.perMinute(), streamAvailable - rows.size()));
            }
        }
        if (global != null) {
            jdbc.sql("update mail_global_allowance set tokens = :tokens, tokens_at = now()")
                    .param("tokens", global.available() - rows.size()).update();
        }
        return sorted(rows);
    }

    /**
     * With a global limit, locks its bucket for the claim's transaction and says what it holds now. Whether there is
     * one (another instance may have set it when it started) is asked once every few seconds, not for every claim.
     */
    private java.util.Optional<Global> globalAllowance(Run run) {
        Boolean limited = run.globalLimited();
        if (limited == null) {
            limited = run.globalLimited(jdbc.sql("select per_minute is not null from mail_global_allowance").query(Boolean.class)
                    .optional().orElse(false));
        }
        if (!limited) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("select per_minute, tokens, extract(epoch from now() - tokens_at) from mail_global_allowance for update")
                .query((rs, i) -> {
                    int perMinute = rs.getInt(1);
                    return rs.wasNull() ? null : new Global(perMinute, Throttle.available(perMinute, rs.getDouble(2), rs.getDouble(3)));
                })
                .optional();
    }

    /** Makes this instance's global limit the one every instance applies. */
    @EventListener(ApplicationStartedEvent.class)
    void applyGlobalLimit() {
        jdbc.sql("update mail_global_allowance set per_minute = :perMinute, tokens = least(tokens, :burst)")
                .param("perMinute", settings.globalPerMinute() == 0 ? null : settings.globalPerMinute())
                .param("burst", settings.globalPerMinute() == 0 ? 0 : Throttle.burst(settings.globalPerMinute()))
                .update();
    }

    /** Composes, sends and records one claimed batch. */
    private Outcome deliver(List<Row> batch, SmtpConnection smtp, SentMarks marks) {
        var failures = new Failures();
        List<Composed> mails = compose(batch, failures);
        Session session = smtp.session();
        int sent = 0;
        int refusedForGood = 0;
        boolean unreachable = false;
        int unreachableInARow = 0;
        boolean unrecorded = false;
        for (Composed composed : mails) {
            Row row = composed.row();
            if (unreachable) {
                failures.temporary(row, "not tried: the SMTP server was not reachable");
                continue;
            }
            MimeMessage message;
            try {
                message = mail.message(composed.mail(), new OutboxMessage(session, messageId(row)));
                message.saveChanges();
            } catch (InvalidMailAddressException e) {
                failures.permanent(row, e.getMessage());
                refusedForGood++;
                continue;
            } catch (RuntimeException | MessagingException e) {
                failures.permanent(row, "the message could not be built: " + e.getMessage());
                continue;
            }
            if (unrecorded) {
                // The database did not record what was sent: send no more until it does (the row stays claimed).
                failures.temporary(row, "not tried: the previous message could not be recorded as sent");
                continue;
            }
            var result = smtp.send(message);
            unreachableInARow = result instanceof SmtpConnection.Unreachable ? unreachableInARow + 1 : 0;
            switch (result) {
                case SmtpConnection.Accepted accepted -> {
                    sent++;
                    try {
                        unrecorded = !marks.sent(row.id(), accepted.messageId());
                    } finally {
                        // Recorded (or failed to be): the instance's next message may pass its final dot.
                        smtp.recorded();
                    }
                }
                case SmtpConnection.Refused refused when refused.permanent() -> {
                    failures.permanent(row, refused.error());
                    refusedForGood++;
                }
                case SmtpConnection.Refused refused -> failures.temporary(row, refused.error());
                case SmtpConnection.Unreachable away -> {
                    failures.temporary(row, away.error());
                    // Once more on a new connection for the next message; a second miss ends this connection's run.
                    unreachable = unreachableInARow >= 2;
                }
            }
        }
        if (sent > 0 && !unrecorded) {
            try {
                marks.foldUnlessBusy();
            } catch (RuntimeException e) {
                // The marks stay: the next fold, by any instance, records them.
                log.warn("Mail outbox: the marks of {} messages sent are not folded yet ({})", sent, e.toString());
            }
        }
        failures.store();
        String stream = batch.getFirst().stream();
        if (stream != null) {
            count(stream, sent, refusedForGood);
        }
        // A record that failed ends the connection's run, as a server that cannot be reached does.
        return new Outcome(sent, unreachable || unrecorded);
    }

    /** The batch's messages in claim order: stored ones as they are, composed ones from their kind's composer. */
    private List<Composed> compose(List<Row> batch, Failures failures) {
        List<Composed> mails = new ArrayList<>();
        Map<String, List<Row>> composedByKind = new LinkedHashMap<>();
        for (Row row : batch) {
            if (row.subject() != null && row.text() != null) {
                try {
                    mails.add(new Composed(row, new OutgoingMail(row.recipients(), row.subject(), row.text(), row.html(), row.replyTo(),
                            row.headers())));
                } catch (IllegalArgumentException e) {
                    failures.permanent(row, e.getMessage());
                }
            } else {
                composedByKind.computeIfAbsent(row.kind(), kind -> new ArrayList<>()).add(row);
            }
        }
        var skips = new ArrayList<Row>();
        var reasons = new ArrayList<String>();
        composedByKind.forEach((kind, rows) -> {
            MailComposer composer = composers.get(kind);
            if (composer == null) {
                rows.forEach(row -> failures.temporary(row, "no mail composer for the kind '" + kind + "'"));
                return;
            }
            Map<Long, MailComposer.Composition> answers;
            try {
                answers = composer.compose(rows.stream()
                        .map(row -> new MailComposer.Row(row.id(), kind, row.stream(), row.recipients().getFirst(), row.ref()))
                        .toList());
            } catch (RuntimeException e) {
                log.warn("Mail outbox: the composer of '{}' failed for {} messages: {}", kind, rows.size(), e.toString());
                rows.forEach(row -> failures.temporary(row, "the composer failed: " + e.getMessage()));
                return;
            }
            for (Row row : rows) {
                switch (answers.get(row.id())) {
                    case MailComposer.Send send -> mails.add(new Composed(row, send.mail().withTo(row.recipients().getFirst())));
                    case MailComposer.Skip skip -> {
                        skips.add(row);
                        reasons.add(skip.reason());
                    }
                    case null -> failures.temporary(row, "the composer gave no message");
                }
            }
        });
        if (!skips.isEmpty()) {
            jdbc.sql("""
                            update mail_outbox o set status = 'SKIPPED', finished_at = now(), last_error = u.reason
                            from unnest(:ids::bigint[], :reasons::text[]) as u(id, reason)
                            where o.id = u.id and o.claimed_by = :instance
                            """)
                    .param("ids", skips.stream().mapToLong(Row::id).toArray())
                    .param("reasons", reasons.stream().map(OutboxDelivery::abbreviate).toArray(String[]::new))
                    .param("instance", instance).update();
        }
        return mails;
    }

    /** Counts the batch in its stream's error sample, and pauses the stream when its error rate passes its limit. */
    private void count(String stream, int sent, int refusedForGood) {
        if (sent == 0 && refusedForGood == 0) {
            return;
        }
        if (refusedForGood == 0) {
            // No refusal: the error rate can only have gone down, no pause to consider.
            transaction.executeWithoutResult(status -> {
                noFlush(jdbc);
                jdbc.sql("update mail_stream set sample_sent = sample_sent + :sent where name = :name")
                        .param("name", stream).param("sent", sent).update();
            });
            return;
        }
        transaction.executeWithoutResult(status -> {
            jdbc.sql("update mail_stream set sample_sent = sample_sent + :sent, sample_errors = sample_errors + :errors where name = :name")
                    .param("name", stream).param("sent", sent).param("errors", refusedForGood).update();
            String reason = jdbc.sql("""
                            update mail_stream
                            set state = 'PAUSED', changed_at = now(),
                                paused_reason = format('error rate %s%% (%s of %s attempts) > %s%%',
                                                       round(100.0 * sample_errors / (sample_sent + sample_errors), 1),
                                                       sample_errors, sample_sent + sample_errors,
                                                       round((100 * max_error_rate)::numeric, 1))
                            where name = :name and state = 'ACTIVE' and max_error_rate is not null
                              and sample_sent + sample_errors >= min_sample
                              and sample_errors > max_error_rate * (sample_sent + sample_errors)
                            returning paused_reason
                            """)
                    .param("name", stream)
                    .query(String.class).optional().orElse(null);
            if (reason != null) {
                log.warn("Mail outbox: stream '{}' paused: {}", stream, reason);
                events.publishEvent(new MailStreamPaused(stream, reason));
            }
        });
    }

    /** 1, 2, 4, 8… times the first retry, at most six hours. */
    Duration backOff(int attempts) {
        Duration wait = settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(Duration.ofHours(6)) > 0 ? Duration.ofHours(6) : wait;
    }

    private String messageId(Row row) {
        return "<" + row.id() + "." + row.attempts() + "." + Long.toString(messageCounter.incrementAndGet(), 36) + "."
                + instance.hashCode() + ".outbox@" + messageIdDomain + ">";
    }

    private static @Nullable String abbreviate(@Nullable String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private static List<Row> sorted(List<Row> rows) {
        return rows.stream().sorted(Comparator.comparingLong(Row::id)).toList();
    }

    private static Row row(ResultSet rs, int index) throws SQLException {
        Array headers = rs.getArray("headers");
        Map<String, String> parsed = new LinkedHashMap<>();
        if (headers != null) {
            for (String header : (String[]) headers.getArray()) {
                int colon = header.indexOf(": ");
                parsed.put(header.substring(0, colon), header.substring(colon + 2));
            }
        }
        return new Row(rs.getLong("id"), rs.getString("kind"), rs.getString("stream"), rs.getObject("ref", Long.class),
                Arrays.asList((String[]) rs.getArray("recipients").getArray()), rs.getString("reply_to"), rs.getString("subject"),
                rs.getString("body_text"), rs.getString("body_html"), parsed, rs.getInt("attempts"));
    }

    @Override
    public void destroy() throws InterruptedException {
        timer.shutdownNow();
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** What the rows that were not sent become, written in two set-based statements at the end of the batch. */
    private final class Failures {

        private final List<Row> retried = new ArrayList<>();
        private final List<String> retriedErrors = new ArrayList<>();
        private final List<Row> failed = new ArrayList<>();
        private final List<String> failedErrors = new ArrayList<>();

        void temporary(Row row, String error) {
            if (row.attempts() >= settings.maxAttempts()) {
                permanent(row, error);
                return;
            }
            log.info("Mail outbox: '{}' ({}) not sent, attempt {} of {}; next in {}: {}", row.kind(), row.id(), row.attempts(),
                    settings.maxAttempts(), backOff(row.attempts()), error);
            retried.add(row);
            retriedErrors.add(abbreviate(error));
        }

        void permanent(Row row, String error) {
            log.warn("Mail outbox: '{}' ({}) to {} given up after {} attempts: {}", row.kind(), row.id(), row.recipients(),
                    row.attempts(), error);
            failed.add(row);
            failedErrors.add(abbreviate(error));
        }

        void store() {
            if (!retried.isEmpty()) {
                jdbc.sql("""
                                update mail_outbox o set status = 'PENDING', claimed_at = null, claimed_by = null, last_error = u.error,
                                                         next_attempt_at = now() + make_interval(secs => u.seconds)
                                from unnest(:ids::bigint[], :errors::text[], :seconds::bigint[]) as u(id, error, seconds)
                                where o.id = u.id and o.claimed_by = :instance
                                """)
                        .param("ids", retried.stream().mapToLong(Row::id).toArray())
                        .param("errors", retriedErrors.toArray(String[]::new))
                        .param("seconds", retried.stream().mapToLong(row -> backOff(row.attempts()).toSeconds()).toArray())
                        .param("instance", instance).update();
            }
            if (!failed.isEmpty()) {
                jdbc.sql("""
                                update mail_outbox o set status = 'FAILED', claimed_at = null, finished_at = now(), last_error = u.error
                                from unnest(:ids::bigint[], :errors::text[]) as u(id, error)
                                where o.id = u.id and o.claimed_by = :instance
                                """)
                        .param("ids", failed.stream().mapToLong(Row::id).toArray())
                        .param("errors", failedErrors.toArray(String[]::new))
                        .param("instance", instance).update();
            }
        }
    }

    /**
     * A delivery run's shared state: when the earliest throttled stream may send again; which streams had rows due and
     * whether a global limit is set, as seen lately (a second, five seconds), so that not every claim asks again.
     */
    private static final class Run {

        private static final long STREAMS_FOR_NANOS = TimeUnit.SECONDS.toNanos(1);
        private static final long GLOBAL_FOR_NANOS = TimeUnit.SECONDS.toNanos(5);

        final AtomicLong nextToken = new AtomicLong(Long.MAX_VALUE);
        private volatile @Nullable List<String> streams;
        private volatile long streamsAt;
        private volatile @Nullable Boolean globalLimited;
        private volatile long globalAt;

        @Nullable List<String> streamsDue() {
            List<String> known = streams;
            return known != null && System.nanoTime() - streamsAt < STREAMS_FOR_NANOS ? known : null;
        }

        List<String> streamsDue(List<String> due) {
            streams = due;
            streamsAt = System.nanoTime();
            return due;
        }

        @Nullable Boolean globalLimited() {
            Boolean known = globalLimited;
            return known != null && System.nanoTime() - globalAt < GLOBAL_FOR_NANOS ? known : null;
        }

        boolean globalLimited(boolean limited) {
            globalLimited = limited;
            globalAt = System.nanoTime();
            return limited;
        }

        void waitFor(long nanos) {
            nextToken.accumulateAndGet(nanos, Math::min);
        }
    }

    /** A message whose Message-ID the outbox chose: cheap (no host name lookup) and traceable to its row. */
    private static final class OutboxMessage extends MimeMessage {

        private final String id;

        OutboxMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    private record StreamState(String state, @Nullable Integer perMinute, double tokens, double elapsedSeconds) {
    }

    private record Global(int perMinute, double available) {
    }

    private record Composed(Row row, OutgoingMail mail) {
    }

    private record Outcome(int sent, boolean unreachable) {
    }

    private record Row(long id, String kind, @Nullable String stream, @Nullable Long ref, List<String> recipients,
                       @Nullable String replyTo, @Nullable String subject, @Nullable String text, @Nullable String html,
                       Map<String, String> headers, int attempts) {
    }
}
