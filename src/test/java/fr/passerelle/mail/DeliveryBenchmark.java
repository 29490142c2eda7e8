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
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
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
    /** More runs over fewer connections ("1,2"), each of {@link #SWEEP_RECIPIENTS}, to show what each costs. */
    private static final List<Integer> ALSO_CONNECTIONS = java.util.Arrays.stream(System.getProperty("benchmark.also-connections", "")
            .split("[, ]+")).filter(part -> !part.isBlank()).map(Integer::valueOf).toList();
    private static final int SWEEP_RECIPIENTS = Integer.getInteger("benchmark.sweep-recipients", Math.max(1_000, RECIPIENTS / 5));
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
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    DatabaseMode databaseMode;
    @Autowired
    OutboxDelivery applicationWorker;

    @Test
    void outboxAgainstBareJavaMail() throws Exception {
        print("Delivery benchmark: %,d composed recipients, %d SMTP connections, batches of %d, throttle off, to a loopback SMTP sink",
                RECIPIENTS, CONNECTIONS, BATCH);
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

            int warmUp = Math.max(5_000, RECIPIENTS / 20);
            enqueue("benchmark:warm-up", warmUp);
            deliverAll(mail, "benchmark:warm-up", CONNECTIONS);
            bareLoop(sink.port(), warmUp, CONNECTIONS, null, null);
            bareLoop(sink.port(), warmUp, CONNECTIONS, mail, null);
            bareLoop(sink.port(), warmUp, CONNECTIONS, null, dataSource);
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
            String loadBefore = loadAverage();
            long fsyncsBefore = walFsyncs();
            long[] cpuBefore = cpuNanos();
            long start = System.nanoTime();
            int sent = deliverAll(mail, "benchmark:run", CONNECTIONS);
            double outboxSeconds = (System.nanoTime() - start) / 1e9;
            long[] cpuOutbox = minus(cpuNanos(), cpuBefore);
            sampling.set(false);
            sampler.join();
            long fsyncs = walFsyncs() - fsyncsBefore;
            System.gc();
            long after = memory.getHeapMemoryUsage().getUsed();
            StreamProgress.Counts counts = streams.progress("benchmark:run").counts();
            print("%-40s %8.2f s  %,10.0f msg/s  (%,d sent, %,d recorded sent, %,d at the sink, %,d connections opened)",
                    "outbox delivery", outboxSeconds, sent / outboxSeconds, sent, counts.sent(), sink.messages(), sink.connections());
            print("WAL flushes (pg_stat_io, fsyncs) during the delivery: %,d for %,d messages (the marks do not wait for one)",
                    fsyncs, sent);
            long growthMb = (peakLive.get() - liveBaseline) >> 20;
            print("Heap: baseline %,d MB after System.gc(), peak used %,d MB (sampled every 50 ms), peak left by a collection"
                            + " %,d MB (%,d MB above the baseline), %,d MB after System.gc() at the end",
                    baseline >> 20, peak.get() >> 20, peakLive.get() >> 20, growthMb, after >> 20);

            sink.reset();
            long[] cpuBareBefore = cpuNanos();
            long bareStart = System.nanoTime();
            bareLoop(sink.port(), RECIPIENTS, CONNECTIONS, null, null);
            double bareSeconds = (System.nanoTime() - bareStart) / 1e9;
            long[] cpuBare = minus(cpuNanos(), cpuBareBefore);
            print("%-40s %8.2f s  %,10.0f msg/s  (%,d at the sink)", "bare JavaMail loop, same connections", bareSeconds,
                    RECIPIENTS / bareSeconds, sink.messages());
            sink.reset();
            long builtStart = System.nanoTime();
            bareLoop(sink.port(), RECIPIENTS, CONNECTIONS, mail, null);
            double builtSeconds = (System.nanoTime() - builtStart) / 1e9;
            print("%-40s %8.2f s  %,10.0f msg/s  (%,d at the sink)", "bare loop, built by MailService.message", builtSeconds,
                    RECIPIENTS / builtSeconds, sink.messages());
            sink.reset();
            long[] cpuRecordBefore = cpuNanos();
            long recordStart = System.nanoTime();
            bareLoop(sink.port(), RECIPIENTS, CONNECTIONS, null, dataSource);
            double recordSeconds = (System.nanoTime() - recordStart) / 1e9;
            long[] cpuRecord = minus(cpuNanos(), cpuRecordBefore);
            print("%-40s %8.2f s  %,10.0f msg/s  (%,d at the sink; %,d µs in the JVM (%,d in the kernel) + %,d µs in PostgreSQL a message)",
                    "bare loop + 1 record a message", recordSeconds, RECIPIENTS / recordSeconds, sink.messages(),
                    cpuRecord[0] / 1_000 / RECIPIENTS, cpuRecord[2] / 1_000 / RECIPIENTS, cpuRecord[1] / 1_000 / RECIPIENTS);
            print("  (the least a durable record per message costs: after each message, one single-row update, no index touched,"
                    + " without WAL flush, on the connection's own database connection, no gate: %.2f× the bare loop)",
                    recordSeconds / bareSeconds);
            String loadAfter = loadAverage();
            print("CPU per message: outbox %,d µs in the JVM (%,d in the kernel) + %,d µs in PostgreSQL; bare loop %,d µs in the JVM"
                            + " (%,d in the kernel) + %,d µs in PostgreSQL",
                    cpuOutbox[0] / 1_000 / sent, cpuOutbox[2] / 1_000 / sent, cpuOutbox[1] / 1_000 / sent, cpuBare[0] / 1_000 / RECIPIENTS,
                    cpuBare[2] / 1_000 / RECIPIENTS, cpuBare[1] / 1_000 / RECIPIENTS);

            double perSecond = sent / outboxSeconds;
            double ratio = outboxSeconds / bareSeconds;
            print("");
            print("Outbox / bare loop time: %.2f× (%.2f× the loop building its messages as the outbox does); load average %s -> %s",
                    ratio, outboxSeconds / builtSeconds, loadBefore, loadAfter);
            print("Goal >= %,.0f msg/s: %s (%,.0f msg/s)", GOAL_PER_SECOND, perSecond >= GOAL_PER_SECOND ? "MET" : "NOT MET", perSecond);
            print("Goal <= %.1f× the bare loop: %s (%.2f×)", GOAL_RATIO, ratio <= GOAL_RATIO ? "MET" : "NOT MET", ratio);
            print("Goal heap growth <= %d MB: %s (%,d MB)", GOAL_HEAP_GROWTH_MB, growthMb <= GOAL_HEAP_GROWTH_MB ? "MET" : "NOT MET",
                    growthMb);
            print("Every recipient exactly once: %s (%,d recorded sent, %,d messages at the sink, %,d recipients)",
                    counts.sent() == RECIPIENTS && counts.sent() == sent ? "yes" : "NO", counts.sent(), sent, RECIPIENTS);

            if (!ALSO_CONNECTIONS.isEmpty()) {
                print("");
                print("Fewer connections (%,d recipients each): fewer messages a crash can leave ambiguous, at what speed", SWEEP_RECIPIENTS);
                print("%-12s %12s %12s %8s %10s %s", "connections", "outbox msg/s", "bare msg/s", "ratio", "load avg",
                        "ambiguous at a crash, at most");
                for (int connections : ALSO_CONNECTIONS) {
                    String stream = "benchmark:connections-" + connections;
                    enqueue(stream, SWEEP_RECIPIENTS);
                    long t0 = System.nanoTime();
                    int delivered = deliverAll(mail, stream, connections);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    long t1 = System.nanoTime();
                    bareLoop(sink.port(), SWEEP_RECIPIENTS, connections, null, null);
                    double bare = (System.nanoTime() - t1) / 1e9;
                    print("%-12d %12.0f %12.0f %7.2f× %10s %d", connections, delivered / seconds, SWEEP_RECIPIENTS / bare, seconds / bare,
                            loadAverage(), 1);
                }
            }
        }
    }

    /** Delivers the stream's rows with a worker of its own over {@code connections} connections; returns how many were sent. */
    private int deliverAll(MailService mail, String stream, int connections) throws InterruptedException {
        var delivery = new OutboxDelivery(dataSource, mail, List.of(composer), event -> { },
                OutboxDelivery.Settings.defaults().withBatchSize(BATCH).withConnections(connections));
        try {
            int sent = 0;
            while (count("stream = '" + stream + "' and status = 'PENDING' and next_attempt_at <= now()") > 0) {
                sent += delivery.deliverDue();
            }
            return sent;
        } finally {
            delivery.destroy();
        }
    }

    /** CPU time used so far by this JVM, and by the PostgreSQL server's processes (from /proc; 0 when not readable). */
    private long[] cpuNanos() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long postgres = 0;
        try {
            long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
            String parent = stat(backend)[3];
            long ticks = 0;
            try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (var process : processes.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String[] fields = stat(Long.parseLong(process.getFileName().toString()));
                        if (fields[3].equals(parent) || process.getFileName().toString().equals(parent)) {
                            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                        }
                    } catch (java.io.IOException | RuntimeException gone) {
                        // The process ended meanwhile.
                    }
                }
            }
            postgres = ticks * 10_000_000L; // USER_HZ = 100
        } catch (java.io.IOException | RuntimeException e) {
            postgres = 0;
        }
        long jvmKernel;
        try {
            jvmKernel = Long.parseLong(stat(ProcessHandle.current().pid())[14]) * 10_000_000L;
        } catch (java.io.IOException | RuntimeException e) {
            jvmKernel = 0;
        }
        return new long[] {jvm, postgres, jvmKernel};
    }

    /** The fields of /proc/<pid>/stat after the command name (so that index 3 is the parent pid, 13 and 14 the CPU ticks). */
    private static String[] stat(long pid) throws java.io.IOException {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
        String[] after = text.substring(text.lastIndexOf(')') + 2).split(" ");
        String[] fields = new String[after.length + 2];
        System.arraycopy(after, 0, fields, 2, after.length);
        return fields;
    }

    private static long[] minus(long[] a, long[] b) {
        return new long[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    /** WAL flushes PostgreSQL counted so far (its statistics lag by up to a second: waited for). */
    private long walFsyncs() throws InterruptedException {
        Thread.sleep(1_500);
        return jdbc.sql("select coalesce(sum(fsyncs), 0) from pg_stat_io where object = 'wal'").query(Long.class).single();
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

    /**
     * The same messages (subject, text, the two unsubscribe headers) sent with JavaMail alone over the same connections;
     * with {@code builtBy}, built by {@link MailService#message} as the outbox builds them (Spring's MimeMessageHelper,
     * address checks), to tell the cost of building from the cost of the outbox.
     */
    private static void bareLoop(int port, int messages, int connections, @Nullable MailService builtBy,
                                 @Nullable DataSource recordIn) throws Exception {
        if (recordIn != null) {
            try (var db = recordIn.getConnection(); var ddl = db.createStatement()) {
                ddl.execute("create table if not exists benchmark_record (lane int primary key, last bigint not null)");
                ddl.execute("truncate benchmark_record");
                ddl.execute("insert into benchmark_record select lane, 0 from generate_series(0, " + connections + ") as lane");
            }
        }
        var properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(properties);
        InternetAddress from = new InternetAddress(FROM);
        var pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> runs = new ArrayList<>();
        AtomicLong next = new AtomicLong();
        for (int c = 0; c < connections; c++) {
            int lane = c;
            runs.add(pool.submit(() -> {
                java.sql.Connection db = recordIn == null ? null : recordIn.getConnection();
                try (Transport transport = session.getTransport("smtp")) {
                    java.sql.PreparedStatement record = null;
                    if (db != null) {
                        try (var set = db.createStatement()) {
                            set.execute("set synchronous_commit = off");
                        }
                        record = db.prepareStatement("update benchmark_record set last = ? where lane = ?");
                    }
                    transport.connect();
                    long n;
                    while ((n = next.incrementAndGet()) <= messages) {
                        var message = new FixedIdMessage(session, "<" + n + ".bare@passerelle.local>");
                        if (builtBy != null) {
                            builtBy.message(OutgoingMail.text("destinataire" + n + "@exemple.fr", "Message " + n, "Bonjour, destinataire " + n)
                                    .withHeader("List-Unsubscribe", "<https://passerelle.example/desinscription/t" + n + ">")
                                    .withHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), message);
                        } else {
                            message.setFrom(from);
                            message.setRecipient(Message.RecipientType.TO, new InternetAddress("destinataire" + n + "@exemple.fr"));
                            message.setSubject("Message " + n, "UTF-8");
                            message.setText("Bonjour, destinataire " + n, "UTF-8");
                            message.setSentDate(new java.util.Date());
                            message.setHeader("List-Unsubscribe", "<https://passerelle.example/desinscription/t" + n + ">");
                            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                        }
                        message.saveChanges();
                        transport.sendMessage(message, message.getAllRecipients());
                        if (record != null) {
                            record.setLong(1, n);
                            record.setInt(2, lane);
                            record.executeUpdate();
                        }
                    }
                } finally {
                    if (db != null) {
                        try (var set = db.createStatement()) {
                            set.execute("reset synchronous_commit");
                        }
                        db.close();
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
