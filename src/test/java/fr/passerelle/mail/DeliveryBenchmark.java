package fr.passerelle.mail;

import static fr.passerelle.partner.BenchmarkOutput.loadAverage;
import static fr.passerelle.partner.BenchmarkOutput.print;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.DatabaseMode;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test (surefire's naming rules leave it out of {@code mvn verify}; it also skips itself without
 * {@code -Dbenchmark=true}): {@code bin/benchmark-delivery} runs it. It enqueues 100,000 composed recipients in
 * one stream with the throttle off, delivers them with the outbox worker over {@code CONNECTIONS} SMTP connections
 * to a loopback SMTP sink (every message goes through the database: claim, compose, send, recorded sent), while a
 * thread samples the heap; then sends as many messages of the same shape with a bare JavaMail loop over the same
 * number of connections to the same sink. Prints both speeds, their ratio, the heap growth and whether each goal
 * is met. A warm-up of both (5 % of the count) runs first.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true", disabledReason = "a benchmark: run bin/benchmark-delivery")
class DeliveryBenchmark extends IntegrationTest {

    private static final int RECIPIENTS = Integer.getInteger("benchmark.recipients", 100_000);
    private static final int CONNECTIONS = Integer.getInteger("benchmark.connections", 4);
    private static final int BATCH = Integer.getInteger("benchmark.batch", 100);
    private static final int UNRECORDED = Integer.getInteger("benchmark.unrecorded", 2);
    private static final double GOAL_PER_SECOND = 1_000;
    private static final double GOAL_RATIO = 1.5;
    private static final long GOAL_HEAP_GROWTH_MB = 100;
    private static final String FROM = "Passerelle <ne-pas-repondre@passerelle.local>";

    @Autowired
    MailOutbox outbox;
    @Autowired
    MailStreams streams;
    @Autowired
    TestComposer composer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    DatabaseMode databaseMode;
    @Autowired
    OutboxDelivery applicationWorker;

    @Test
    void outboxAgainstBareJavaMail() throws Exception {
        print("Delivery benchmark: %,d composed recipients, %d SMTP connections, batches of %d, at most %d sent unrecorded per"
                + " connection, throttle off, to a loopback SMTP sink", RECIPIENTS, CONNECTIONS, BATCH, UNRECORDED);
        print("PostgreSQL %s: %s; fsync %s, synchronous_commit %s", setting("server_version"), databaseMode.description(),
                setting("fsync"), setting("synchronous_commit"));
        print("Machine: %d cores, load average %s; JVM %s, max heap %,d MB", Runtime.getRuntime().availableProcessors(),
                loadAverage(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        // The application's own worker would deliver the rows to the embedded GreenMail server: it stops here.
        applicationWorker.destroy();
        try (var sink = new SmtpSink(false)) {
            var sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(sink.port());
            var mail = new MailService(sender, MailServerInfo.embedded("127.0.0.1", sink.port()), FROM);
            var delivery = new OutboxDelivery(jdbc, transactionManager, mail, List.of(composer), event -> { },
                    OutboxDelivery.Settings.defaults().withBatchSize(BATCH).withConnections(CONNECTIONS)
                            .withUnrecordedPerConnection(UNRECORDED));
            try {
                int warmUp = Math.max(1_000, RECIPIENTS / 20);
                enqueue("benchmark:warm-up", warmUp);
                delivery.deliverDue();
                bareLoop(sink.port(), warmUp);
                sink.reset();

                long enqueueStart = System.nanoTime();
                enqueue("benchmark:run", RECIPIENTS);
                double enqueueSeconds = (System.nanoTime() - enqueueStart) / 1e9;
                print("%-40s %8.2f s  %,10.0f rows/s", "enqueueComposed (set-based insert)", enqueueSeconds, RECIPIENTS / enqueueSeconds);

                MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                System.gc();
                long baseline = memory.getHeapMemoryUsage().getUsed();
                long liveBaseline = heapAfterLastCollection();
                AtomicLong peak = new AtomicLong(baseline);
                AtomicLong peakLive = new AtomicLong(liveBaseline);
                AtomicBoolean sampling = new AtomicBoolean(true);
                Thread sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                    while (sampling.get()) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        peakLive.accumulateAndGet(heapAfterLastCollection(), Math::max);
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                long start = System.nanoTime();
                int sent = 0;
                while (count("stream = 'benchmark:run' and status = 'PENDING' and next_attempt_at <= now()") > 0) {
                    sent += delivery.deliverDue();
                }
                double outboxSeconds = (System.nanoTime() - start) / 1e9;
                sampling.set(false);
                sampler.join();
                System.gc();
                long after = memory.getHeapMemoryUsage().getUsed();
                StreamProgress.Counts counts = streams.progress("benchmark:run").counts();
                print("%-40s %8.2f s  %,10.0f msg/s  (%,d sent, %,d recorded sent, %,d at the sink, %,d connections opened)",
                        "outbox delivery", outboxSeconds, sent / outboxSeconds, sent, counts.sent(), sink.messages(), sink.connections());
                long growthMb = (peakLive.get() - liveBaseline) >> 20;
                print("Heap: baseline %,d MB after System.gc(), peak used %,d MB (sampled every 50 ms), peak left by a collection"
                                + " %,d MB (%,d MB above the baseline), %,d MB after System.gc() at the end",
                        baseline >> 20, peak.get() >> 20, peakLive.get() >> 20, growthMb, after >> 20);

                sink.reset();
                long bareStart = System.nanoTime();
                bareLoop(sink.port(), RECIPIENTS);
                double bareSeconds = (System.nanoTime() - bareStart) / 1e9;
                print("%-40s %8.2f s  %,10.0f msg/s  (%,d at the sink)", "bare JavaMail loop, same connections", bareSeconds,
                        RECIPIENTS / bareSeconds, sink.messages());

                double perSecond = sent / outboxSeconds;
                double ratio = outboxSeconds / bareSeconds;
                print("");
                print("Outbox / bare loop time: %.2f×", ratio);
                print("Goal >= %,.0f msg/s: %s (%,.0f msg/s)", GOAL_PER_SECOND, perSecond >= GOAL_PER_SECOND ? "MET" : "NOT MET", perSecond);
                print("Goal <= %.1f× the bare loop: %s (%.2f×)", GOAL_RATIO, ratio <= GOAL_RATIO ? "MET" : "NOT MET", ratio);
                print("Goal heap growth <= %d MB: %s (%,d MB)", GOAL_HEAP_GROWTH_MB, growthMb <= GOAL_HEAP_GROWTH_MB ? "MET" : "NOT MET",
                        growthMb);
                print("Every recipient exactly once: %s (%,d recorded sent, %,d messages at the sink, %,d recipients)",
                        counts.sent() == RECIPIENTS && counts.sent() == sent ? "yes" : "NO", counts.sent(), sent, RECIPIENTS);
            } finally {
                delivery.destroy();
            }
        }
    }

    /** Opens the stream paused (the application's own worker must not take its rows), enqueues, then activates it quietly. */
    private void enqueue(String stream, int recipients) {
        streams.open(stream, null, null);
        streams.pause(stream, "benchmark");
        List<MailOutbox.Recipient> list = LongStream.rangeClosed(1, recipients)
                .mapToObj(n -> new MailOutbox.Recipient("destinataire" + n + "@exemple.fr", n)).toList();
        new TransactionTemplate(transactionManager).execute(status -> outbox.enqueueComposed(TestComposer.KIND, stream, list));
        jdbc.sql("update mail_stream set state = 'ACTIVE', paused_reason = null where name = :name").param("name", stream).update();
    }

    /** The same messages (subject, text, the two unsubscribe headers) sent with JavaMail alone over the same connections. */
    private static void bareLoop(int port, int messages) throws Exception {
        var properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(properties);
        InternetAddress from = new InternetAddress(FROM);
        var pool = Executors.newFixedThreadPool(CONNECTIONS);
        List<Future<?>> runs = new ArrayList<>();
        AtomicLong next = new AtomicLong();
        for (int c = 0; c < CONNECTIONS; c++) {
            runs.add(pool.submit(() -> {
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect();
                    long n;
                    while ((n = next.incrementAndGet()) <= messages) {
                        var message = new FixedIdMessage(session, "<" + n + ".bare@passerelle.local>");
                        message.setFrom(from);
                        message.setRecipient(Message.RecipientType.TO, new InternetAddress("destinataire" + n + "@exemple.fr"));
                        message.setSubject("Message " + n, "UTF-8");
                        message.setText("Bonjour, destinataire " + n, "UTF-8");
                        message.setSentDate(new java.util.Date());
                        message.setHeader("List-Unsubscribe", "<https://passerelle.example/desinscription/t" + n + ">");
                        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                        message.saveChanges();
                        transport.sendMessage(message, message.getAllRecipients());
                    }
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
    }

    private long count(String where) {
        return jdbc.sql("select count(*) from mail_outbox where " + where).query(Long.class).single();
    }

    private String setting(String name) {
        return jdbc.sql("select current_setting(:name)").param("name", name).query(String.class).single();
    }

    private static long heapAfterLastCollection() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
    }

    /** As the outbox's messages, a Message-ID chosen without a host name lookup. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws jakarta.mail.MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
