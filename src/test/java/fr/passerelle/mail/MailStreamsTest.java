package fr.passerelle.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import fr.passerelle.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams of composed messages on the real database: the in-process GreenMail server for what is delivered, a
 * loopback SMTP relay that refuses some recipients for the failures. The application's own worker delivers too
 * (as another instance would), so the assertions hold whoever sends.
 */
class MailStreamsTest extends IntegrationTest {

    private static final String FROM = "Passerelle <ne-pas-repondre@passerelle.local>";

    @Autowired
    MailOutbox outbox;
    @Autowired
    MailStreams streams;
    @Autowired
    OutboxDelivery delivery;
    @Autowired
    MailService mailService;
    @Autowired
    TestComposer composer;
    @Autowired
    GreenMail smtpServer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;

    private TransactionTemplate transaction;
    private final List<OutboxDelivery> workers = new ArrayList<>();

    @BeforeEach
    void emptyEverything() throws Exception {
        transaction = new TransactionTemplate(transactionManager);
        jdbc.sql("update mail_stream set state = 'CANCELLED', paused_reason = null").update();
        jdbc.sql("update mail_outbox set status = 'FAILED' where status = 'PENDING'").update();
        for (int i = 0; i < 50 && count("status = 'SENDING'") > 0; i++) {
            Thread.sleep(100);
        }
        jdbc.sql("delete from mail_outbox").update();
        jdbc.sql("delete from mail_stream").update();
        jdbc.sql("update mail_global_allowance set per_minute = null, tokens = 0").update();
        composer.optedOut.clear();
        smtpServer.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void stopWorkers() throws Exception {
        for (OutboxDelivery worker : workers) {
            worker.destroy();
        }
        jdbc.sql("update mail_global_allowance set per_minute = null, tokens = 0").update();
    }

    @Test
    void eachRecipientIsEnqueuedOnceAndComposedWithItsHeadersWhenSent() throws Exception {
        streams.open("campaign:1", null, null);
        List<MailOutbox.Recipient> recipients = List.of(new MailOutbox.Recipient("ana@exemple.fr", 1),
                new MailOutbox.Recipient("bruno@exemple.fr", 2), new MailOutbox.Recipient("pas-une-adresse", 3));
        int first = transaction.execute(status -> outbox.enqueueComposed(TestComposer.KIND, "campaign:1", recipients));
        int again = transaction.execute(status -> outbox.enqueueComposed(TestComposer.KIND, "campaign:1", recipients));

        assertThat(first).isEqualTo(3);
        assertThat(again).as("a fan-out that runs twice").isZero();
        assertThat(smtpServer.waitForIncomingEmail(5000, 2)).isTrue();
        awaitFinished("campaign:1");
        StreamProgress progress = streams.progress("campaign:1");
        assertThat(progress.counts()).isEqualTo(new StreamProgress.Counts(0, 0, 2, 1, 0, 0));
        assertThat(progress.series()).hasSize(1);
        assertThat(progress.series().getFirst().sent()).isEqualTo(2);
        MimeMessage received = received("bruno@exemple.fr").getFirst();
        assertThat(received.getSubject()).isEqualTo("Message 2");
        assertThat(received.getHeader("List-Unsubscribe")).containsExactly("<https://passerelle.example/desinscription/t2>");
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(jdbc.sql("select message_id from mail_outbox where ref = 2").query(String.class).single())
                .isEqualTo(received.getMessageID());
        assertThat(smtpServer.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aRecipientTheComposerSkipsIsNeverSent() throws Exception {
        composer.optedOut.add(2L);
        streams.open("campaign:2", null, null);
        transaction.execute(status -> outbox.enqueueComposed(TestComposer.KIND, "campaign:2", recipients(1, 3)));

        awaitFinished("campaign:2");
        assertThat(streams.progress("campaign:2").counts()).isEqualTo(new StreamProgress.Counts(0, 0, 2, 0, 1, 0));
        assertThat(jdbc.sql("select last_error from mail_outbox where ref = 2").query(String.class).single()).isEqualTo("opted out");
        assertThat(received("destinataire2@exemple.fr")).isEmpty();
        assertThat(received("destinataire3@exemple.fr")).hasSize(1);
    }

    @Test
    void aPausedStreamWaitsAndSendsEverythingOnceResumed() throws Exception {
        streams.open("campaign:3", null, null);
        assertThat(streams.pause("campaign:3", "relecture")).isTrue();
        transaction.execute(status -> outbox.enqueueComposed(TestComposer.KIND, "campaign:3", recipients(1, 5)));

        assertThat(worker(OutboxDelivery.Settings.defaults()).deliverDue()).isZero();
        assertThat(smtpServer.waitForIncomingEmail(300, 1)).isFalse();
        StreamProgress paused = streams.progress("campaign:3");
        assertThat(paused.state()).isEqualTo(StreamProgress.State.PAUSED);
        assertThat(paused.pausedReason()).isEqualTo("relecture");
        assertThat(paused.counts().pending()).isEqualTo(5);

        assertThat(streams.resume("campaign:3")).isTrue();
        assertThat(smtpServer.waitForIncomingEmail(5000, 5)).isTrue();
        awaitFinished("campaign:3");
        assertThat(streams.progress("campaign:3").counts().sent()).isEqualTo(5);
        assertThat(streams.resume("campaign:3")).as("not paused any more").isFalse();
    }

    @Test
    void aCancelledStreamNeverSendsItsPendingMessages() throws Exception {
        streams.open("campaign:4", null, null);
        streams.pause("campaign:4", "relecture");
        transaction.execute(status -> outbox.enqueueComposed(TestComposer.KIND, "campaign:4", recipients(1, 5)));

        assertThat(streams.cancel("campaign:4")).isTrue();
        assertThat(streams.cancel("campaign:4")).isFalse();
        assertThat(streams.resume("campaign:4")).isFalse();
        assertThat(worker(OutboxDelivery.Settings.defaults()).deliverDue()).isZero();
        assertThat(smtpServer.waitForIncomingEmail(300, 1)).isFalse();
        StreamProgress progress = streams.progress("campaign:4");
        assertThat(progress.state()).isEqualTo(StreamProgress.State.CANCELLED);
        assertThat(progress.counts()).isEqualTo(new StreamProgress.Counts(0, 0, 0, 0, 0, 5));
        assertThatThrownBy(() -> transaction.execute(status -> outbox.enqueueComposed(TestComposer.KIND, "campaign:4", recipients(6, 6))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStreamIsHeldToItsRateAcrossTwoWorkers() throws Exception {
        // 60 a minute: a burst of 10, then one a second, whichever worker (or the application's own) claims.
        streams.open("campaign:5", 60, null);
        long start = System.nanoTime();
        transaction.execute(status -> outbox.enqueueComposed(TestComposer.KIND, "campaign:5", recipients(1, 40)));
        runTogether(worker(OutboxDelivery.Settings.defaults().withBatchSize(3)), worker(OutboxDelivery.Settings.defaults().withBatchSize(3)));
        Thread.sleep(1500);
        assertThat(sentOrSending("campaign:5")).isBetween(10L, 10L + elapsedSeconds(start) + 1);

        // Five seconds pass for the bucket.
        jdbc.sql("update mail_stream set tokens_at = tokens_at - interval '5 seconds' where name = 'campaign:5'").update();
        runTogether(worker(OutboxDelivery.Settings.defaults().withBatchSize(3)), worker(OutboxDelivery.Settings.defaults().withBatchSize(3)));
        Thread.sleep(500);
        assertThat(sentOrSending("campaign:5")).isBetween(15L, 15L + elapsedSeconds(start) + 1);

        streams.setRate("campaign:5", null);
        worker(OutboxDelivery.Settings.defaults()).deliverDue();
        awaitFinished("campaign:5");
        assertThat(smtpServer.getReceivedMessages()).hasSize(40);
    }

    @Test
    void theGlobalRateHoldsEveryStreamTogether() throws Exception {
        jdbc.sql("update mail_global_allowance set per_minute = 60, tokens = 10, tokens_at = now()").update();
        streams.open("campaign:6", null, null);
        streams.open("campaign:7", null, null);
        long start = System.nanoTime();
        transaction.execute(status -> outbox.enqueueComposed(TestComposer.KIND, "campaign:6", recipients(1, 20))
                + outbox.enqueueComposed(TestComposer.KIND, "campaign:7", recipients(101, 120)));
        runTogether(worker(OutboxDelivery.Settings.defaults()), worker(OutboxDelivery.Settings.defaults()));
        Thread.sleep(1000);
        long sent = count("status = 'SENT'");
        assertThat(sent).isBetween(10L, 10L + elapsedSeconds(start) + 1);
        assertThat(streams.progress("campaign:6").counts().sent()).as("both streams take turns").isPositive();
        assertThat(streams.progress("campaign:7").counts().sent()).isPositive();
    }

    @Test
    void aStreamPausesItselfWhenItsErrorRatePassesItsLimit() throws Exception {
        try (var relay = new SmtpSink(true)) {
            List<Object> published = new CopyOnWriteArrayList<>();
            var worker = new OutboxDelivery(dataSource, sender(relay.port()), List.of(composer), published::add,
                    OutboxDelivery.Settings.defaults().withBatchSize(10).withConnections(1));
            workers.add(worker);
            streams.open("campaign:8", null, 0.2, 10);
            // Inserted as enqueueComposed does, without waking the application's worker: this relay is the test's.
            jdbc.sql("""
                            insert into mail_outbox (kind, stream, ref, recipients)
                            select :kind, 'campaign:8', n, array[case when n % 2 = 0 then 'refuse' else 'ok' end || n || '@exemple.fr']
                            from generate_series(1, 40) n
                            """).param("kind", TestComposer.KIND).update();

            assertThat(worker.deliverDue()).isEqualTo(5);
            StreamProgress progress = streams.progress("campaign:8");
            assertThat(progress.state()).isEqualTo(StreamProgress.State.PAUSED);
            assertThat(progress.pausedReason()).isEqualTo("error rate 50.0% (5 of 10 attempts) > 20.0%");
            assertThat(progress.counts()).isEqualTo(new StreamProgress.Counts(30, 0, 5, 5, 0, 0));
            assertThat(published).containsExactly(new MailStreamPaused("campaign:8", progress.pausedReason()));
            assertThat(relay.received()).hasSize(5).containsKey("ok1@exemple.fr");
            assertThat(jdbc.sql("select last_error from mail_outbox where ref = 2").query(String.class).single()).contains("550");
        }
    }

    @Test
    void eachAcceptedMessageIsRecordedSentBeforeItsConnectionSendsTheNext() throws Exception {
        try (var relay = new SmtpSink(true)) {
            Map<Long, List<String>> acceptedPerConnection = new ConcurrentHashMap<>();
            List<String> notRecordedInTime = new CopyOnWriteArrayList<>();
            // At each final dot, the message its connection had sent before must be recorded already (marked, or folded
            // SENT): a crash now would leave this one message at most, per connection, sent without a record.
            relay.beforeAccepting((connection, recipients) -> {
                List<String> earlier = acceptedPerConnection.computeIfAbsent(connection, c -> new ArrayList<>());
                if (!earlier.isEmpty()) {
                    String previous = earlier.getLast();
                    String status = jdbc.sql("""
                                    select case when exists (select 1 from mail_sent_mark m where m.outbox_id = o.id) then 'MARKED'
                                                else status end
                                    from mail_outbox o where recipients[1] = :address
                                    """)
                            .param("address", previous).query(String.class).single();
                    if (!status.equals("SENT") && !status.equals("MARKED")) {
                        notRecordedInTime.add(previous + " still " + status);
                    }
                }
                earlier.addAll(recipients);
            });
            var worker = new OutboxDelivery(dataSource, sender(relay.port()), List.of(composer), event -> { },
                    OutboxDelivery.Settings.defaults().withBatchSize(10).withConnections(3));
            workers.add(worker);
            streams.open("campaign:11", null, null);
            jdbc.sql("""
                            insert into mail_outbox (kind, stream, ref, recipients)
                            select :kind, 'campaign:11', n, array['ok' || n || '@exemple.fr'] from generate_series(1, 60) n
                            """).param("kind", TestComposer.KIND).update();

            assertThat(worker.deliverDue()).isEqualTo(60);
            assertThat(notRecordedInTime).isEmpty();
            assertThat(relay.received()).hasSize(60).containsOnlyKeys(LongStream.rangeClosed(1, 60)
                    .mapToObj(n -> "ok" + n + "@exemple.fr").toList());
            assertThat(acceptedPerConnection).as("the connections shared the work").hasSizeGreaterThan(1);
        }
    }

    @Test
    void overAllItsConnectionsAnInstanceHasAtMostOneAcceptedMessageWithoutItsRecord() throws Exception {
        // The throttled streams earlier tests left wake the application's own worker again and again, and a run of it
        // would take a share of this stream (to its own server): pause them and let its run end, so that only this
        // test's worker sends.
        jdbc.sql("update mail_stream set state = 'PAUSED', paused_reason = 'paused by a test', changed_at = now() where state = 'ACTIVE'")
                .update();
        Thread.sleep(1500);
        try (var relay = new SmtpSink(true)) {
            List<String> accepted = new CopyOnWriteArrayList<>();
            List<String> notRecordedInTime = new CopyOnWriteArrayList<>();
            // At each final dot, whichever connection it comes on, every message accepted before must be recorded already
            // (marked, or folded SENT):
            // a crash now would leave this one message at most, for the whole instance, sent without a record.
            relay.beforeAccepting((connection, recipients) -> {
                if (!accepted.isEmpty()) {
                    List<String> pending = jdbc.sql("select recipients[1] || ' ' || status from mail_outbox o"
                                    + " where recipients[1] = any(:addresses) and status <> 'SENT'"
                                    + " and not exists (select 1 from mail_sent_mark m where m.outbox_id = o.id)")
                            .param("addresses", accepted.toArray(String[]::new)).query(String.class).list();
                    notRecordedInTime.addAll(pending);
                }
                accepted.addAll(recipients);
            });
            var worker = new OutboxDelivery(dataSource, sender(relay.port()), List.of(composer), event -> { },
                    OutboxDelivery.Settings.defaults().withBatchSize(10).withConnections(4));
            workers.add(worker);
            streams.open("campaign:13", null, null);
            jdbc.sql("""
                            insert into mail_outbox (kind, stream, ref, recipients)
                            select :kind, 'campaign:13', n, array['une' || n || '@exemple.fr'] from generate_series(1, 80) n
                            """).param("kind", TestComposer.KIND).update();

            assertThat(worker.deliverDue()).isEqualTo(80);
            assertThat(notRecordedInTime).isEmpty();
            assertThat(relay.received()).hasSize(80).allSatisfy((address, count) -> assertThat(count).as(address).isEqualTo(1));
            assertThat(relay.connections()).as("the four connections were used").isEqualTo(4);
        }
    }

    @Test
    void theMessagesAnInstanceThatStoppedRecordedAcceptedAreRecordedSentAndNotSentAgain() throws Exception {
        try (var relay = new SmtpSink(true)) {
            streams.open("campaign:14", null, null);
            streams.pause("campaign:14", "until its rows are claimed by the instance that stops");
            jdbc.sql("""
                            insert into mail_outbox (kind, stream, ref, recipients, status, attempts, claimed_at, claimed_by)
                            select :kind, 'campaign:14', n, array['arret' || n || '@exemple.fr'], 'SENDING', 1,
                                   now() - interval '2 hours', 'an instance that was killed'
                            from generate_series(1, 3) n
                            """).param("kind", TestComposer.KIND).update();
            // It was killed after the server accepted the first two: their marks are written, not folded yet.
            jdbc.sql("""
                            insert into mail_sent_mark (outbox_id, message_id, marked_at)
                            select id, '<' || ref || '.killed@passerelle.local>', now() - interval '2 hours' from mail_outbox
                            where stream = 'campaign:14' and ref <= 2
                            """).update();
            jdbc.sql("update mail_stream set state = 'ACTIVE', paused_reason = null where name = 'campaign:14'").update();
            var worker = new OutboxDelivery(dataSource, sender(relay.port()), List.of(composer), event -> { },
                    OutboxDelivery.Settings.defaults());
            workers.add(worker);

            assertThat(worker.deliverDue()).as("only the message without a mark is sent again").isEqualTo(1);
            assertThat(relay.received()).containsOnlyKeys("arret3@exemple.fr");
            assertThat(jdbc.sql("""
                            select ref || ' ' || status || ' ' || message_id from mail_outbox where stream = 'campaign:14'
                            and ref <= 2 order by ref
                            """).query(String.class).list())
                    .containsExactly("1 SENT <1.killed@passerelle.local>", "2 SENT <2.killed@passerelle.local>");
            assertThat(jdbc.sql("select count(*) from mail_sent_mark").query(Long.class).single()).as("every mark folded").isZero();
            assertThat(streams.progress("campaign:14").counts().sent()).isEqualTo(3);
        }
    }

    @Test
    void aLiveWorkersClaimsAreRenewedSoThatAnotherDoesNotTakeThemOverDuringASlowBatch() throws Exception {
        try (var relay = new SmtpSink(true)) {
            // 150 ms a message at the server: the batch of 20 takes 3 s, three times the stale delay.
            relay.beforeAccepting((connection, recipients) -> {
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            var settings = OutboxDelivery.Settings.defaults().withBatchSize(20).withConnections(1).withStaleAfter(Duration.ofSeconds(1));
            var slow = new OutboxDelivery(dataSource, sender(relay.port()), List.of(composer), event -> { }, settings);
            var other = new OutboxDelivery(dataSource, sender(relay.port()), List.of(composer), event -> { }, settings);
            workers.add(slow);
            workers.add(other);
            streams.open("campaign:12", null, null);
            jdbc.sql("""
                            insert into mail_outbox (kind, stream, ref, recipients)
                            select :kind, 'campaign:12', n, array['lent' || n || '@exemple.fr'] from generate_series(1, 20) n
                            """).param("kind", TestComposer.KIND).update();

            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<Integer> first = executor.submit(slow::deliverDue);
                Thread.sleep(2000);
                // Past the stale delay: the other instance releases the claims nobody renewed, none of the slow one's.
                assertThat(other.deliverDue()).isZero();
                assertThat(first.get()).isEqualTo(20);
            }
            assertThat(relay.received()).hasSize(20).allSatisfy((address, count) -> assertThat(count).as(address).isEqualTo(1));
        }
    }

    @Test
    void aTemporaryRefusalIsRetriedWithBackOffAndDoesNotCountAsAnError() throws Exception {
        try (var relay = new SmtpSink(true)) {
            var worker = new OutboxDelivery(dataSource, sender(relay.port()), List.of(composer), event -> { },
                    OutboxDelivery.Settings.defaults().withMaxAttempts(3));
            workers.add(worker);
            streams.open("campaign:9", null, 0.1, 1);
            jdbc.sql("""
                            insert into mail_outbox (kind, stream, ref, recipients) values
                            (:kind, 'campaign:9', 1, array['later1@exemple.fr']), (:kind, 'campaign:9', 2, array['ok2@exemple.fr'])
                            """).param("kind", TestComposer.KIND).update();

            assertThat(worker.deliverDue()).isEqualTo(1);
            Map<String, Object> row = jdbc.sql("""
                            select status, attempts, next_attempt_at > now() + interval '50 seconds' as later, last_error
                            from mail_outbox where ref = 1
                            """).query().singleRow();
            assertThat(row).containsEntry("status", "PENDING").containsEntry("attempts", 1).containsEntry("later", true);
            assertThat((String) row.get("last_error")).contains("451");
            assertThat(streams.progress("campaign:9").state()).isEqualTo(StreamProgress.State.ACTIVE);

            jdbc.sql("update mail_outbox set next_attempt_at = now() where ref = 1").update();
            worker.deliverDue();
            assertThat(jdbc.sql("select next_attempt_at > now() + interval '110 seconds' from mail_outbox where ref = 1")
                    .query(Boolean.class).single()).as("two minutes after the second attempt").isTrue();
            jdbc.sql("update mail_outbox set next_attempt_at = now() where ref = 1").update();
            worker.deliverDue();
            assertThat(jdbc.sql("select status from mail_outbox where ref = 1").query(String.class).single())
                    .as("given up after the last attempt").isEqualTo("FAILED");
        }
    }

    @Test
    void twoWorkersDeliverEveryComposedRecipientExactlyOnce() throws Exception {
        int recipients = 300;
        streams.open("campaign:10", null, null);
        streams.pause("campaign:10", "until both workers start");
        transaction.execute(status -> outbox.enqueueComposed(TestComposer.KIND, "campaign:10", recipients(1, recipients)));
        // Resumed without waking the application's worker (once its run for the enqueue is over), so that the two
        // workers below share the work.
        Thread.sleep(500);
        jdbc.sql("update mail_stream set state = 'ACTIVE', paused_reason = null where name = 'campaign:10'").update();
        int sent = runTogether(worker(OutboxDelivery.Settings.defaults().withBatchSize(7).withConnections(2)),
                worker(OutboxDelivery.Settings.defaults().withBatchSize(7).withConnections(2)));

        // The application's own worker may take a share too: a third instance, as it were.
        assertThat(sent).isPositive().isLessThanOrEqualTo(recipients);
        assertThat(smtpServer.waitForIncomingEmail(20_000, recipients)).isTrue();
        awaitFinished("campaign:10");
        Thread.sleep(300);
        Map<String, Integer> perRecipient = new HashMap<>();
        for (MimeMessage message : smtpServer.getReceivedMessages()) {
            perRecipient.merge(message.getAllRecipients()[0].toString(), 1, Integer::sum);
        }
        assertThat(perRecipient).hasSize(recipients);
        assertThat(perRecipient.values()).containsOnly(1);
        assertThat(streams.progress("campaign:10").counts().sent()).isEqualTo(recipients);
    }

    @Test
    void aTransactionalMailKeepsItsHeaders() throws Exception {
        transaction.execute(status -> outbox.enqueue("test.headers",
                OutgoingMail.text("camille@exemple.fr", "Avec en-tête", "Texte").withHeader("X-Passerelle-Kind", "essai"), null));
        assertThat(smtpServer.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(smtpServer.getReceivedMessages()[0].getHeader("X-Passerelle-Kind")).containsExactly("essai");
        assertThatThrownBy(() -> OutgoingMail.text("camille@exemple.fr", "Sujet", "Texte").withHeader("Subject", "autre"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private OutboxDelivery worker(OutboxDelivery.Settings settings) {
        var worker = new OutboxDelivery(dataSource, mailService, List.of(composer), event -> { }, settings);
        workers.add(worker);
        return worker;
    }

    private MailService sender(int port) {
        var relay = new JavaMailSenderImpl();
        relay.setHost("127.0.0.1");
        relay.setPort(port);
        return new MailService(relay, MailServerInfo.embedded("127.0.0.1", port), FROM);
    }

    private static int runTogether(OutboxDelivery... deliveries) throws Exception {
        var pool = Executors.newFixedThreadPool(deliveries.length);
        List<Future<Integer>> runs = new ArrayList<>();
        for (OutboxDelivery each : deliveries) {
            runs.add(pool.submit(each::deliverDue));
        }
        int sent = 0;
        for (Future<Integer> run : runs) {
            sent += run.get();
        }
        pool.shutdown();
        return sent;
    }

    private static List<MailOutbox.Recipient> recipients(long first, long last) {
        return LongStream.rangeClosed(first, last).mapToObj(n -> new MailOutbox.Recipient("destinataire" + n + "@exemple.fr", n)).toList();
    }

    private List<MimeMessage> received(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtpServer.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                found.add(message);
            }
        }
        return found;
    }

    private long sentOrSending(String stream) {
        return jdbc.sql("select count(*) from mail_outbox where stream = :stream and status in ('SENT', 'SENDING')")
                .param("stream", stream).query(Long.class).single();
    }

    private static long elapsedSeconds(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toSeconds() + 1;
    }

    private long count(String where) {
        return jdbc.sql("select count(*) from mail_outbox where " + where).query(Long.class).single();
    }

    private void awaitFinished(String stream) throws InterruptedException {
        for (int i = 0; i < 100 && !streams.progress(stream).counts().finished(); i++) {
            Thread.sleep(100);
        }
        assertThat(streams.progress(stream).counts().finished()).as(stream + " finished").isTrue();
    }
}
