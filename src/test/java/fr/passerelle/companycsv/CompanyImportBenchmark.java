package fr.passerelle.companycsv;

import static fr.passerelle.partner.BenchmarkOutput.loadAverage;
import static fr.passerelle.partner.BenchmarkOutput.print;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.DatabaseMode;
import fr.passerelle.csv.CsvFiles;
import fr.passerelle.csv.DetectedCsv;
import fr.passerelle.partner.internal.BenchmarkCompanies;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Benchmark, not a test (surefire's naming rules leave it out of {@code mvn verify}; it also skips itself
 * without {@code -Dbenchmark=true}): {@code bin/benchmark-import} runs it. It writes a CSV of companies
 * and their contacts as French Excel saves the export (100,000 rows by default), imports it into an empty
 * database as an administrator (valid rows only, not a dry run) timed end to end (detection + import) and
 * by phase, while a background thread samples the heap every 50 ms; then loads the same file with
 * PostgreSQL's {@code COPY} into a bare table of text columns, and prints both speeds, their ratio and
 * whether each goal is met. It also copies as many valid companies and contacts straight into the CRM's own
 * tables (rolled back): the floor that any import writing through that schema stands on.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true", disabledReason = "a benchmark: run bin/benchmark-import")
class CompanyImportBenchmark extends IntegrationTest {

    private static final int ROWS = Integer.getInteger("benchmark.rows", 100_000);
    private static final double GOAL_ROWS_PER_SECOND = 30_000;
    private static final double GOAL_RATIO = 3;
    private static final long GOAL_HEAP_GROWTH_MB = 200;
    private static final int SAMPLE_MS = 50;
    /** An import still running then is cancelled (it rolls back) and reported as such: the goals are then not met. */
    private static final int TIMEOUT_MINUTES = Integer.getInteger("benchmark.timeout.minutes", 10);

    @Autowired
    CompanyImportService imports;
    @Autowired
    UserDetailsService users;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DatabaseMode databaseMode;

    @TempDir
    Path folder;

    @Test
    void importAgainstCopy() throws Exception {
        print("Import benchmark: %,d companies with a contact each, on PostgreSQL %s: %s; fsync %s, synchronous_commit %s",
                ROWS, setting("server_version"), databaseMode.description(), setting("fsync"), setting("synchronous_commit"));
        print("Machine: %d cores, load average %s; JVM %s, max heap %,d MB", Runtime.getRuntime().availableProcessors(),
                loadAverage(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        long companiesBefore = count("select count(*) from company");
        print("Companies in the database before the import: %,d", companiesBefore);

        Path file = folder.resolve("entreprises.csv");
        List<String> nafCodes = jdbc.sql("select code from naf_sub_class where active order by code").query(String.class).list();
        Map<String, String> dispOfDepartment = new HashMap<>();
        jdbc.sql("select code, disp_code from department").query(rs -> {
            dispOfDepartment.put(rs.getString(1), rs.getString(2));
        });
        var generator = new BenchmarkCompanies(nafCodes, dispOfDepartment, null, "DISP DIJON");
        long writtenMs = generator.writeImportCsv(file, ROWS);
        print("CSV written in %.1f s: %s, %,.1f MB, French Excel (UTF-8 with BOM, ;), %d columns as the export names them",
                writtenMs / 1000.0, file.getFileName(), Files.size(file) / 1e6, BenchmarkCompanies.IMPORT_HEADERS.size());

        signIn("admin");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        long gcBefore = gcCount();
        AtomicLong peak = new AtomicLong(baseline);
        long liveBaseline = heapAfterLastCollection();
        AtomicLong peakLive = new AtomicLong(liveBaseline);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                peakLive.accumulateAndGet(heapAfterLastCollection(), Math::max);
                try {
                    Thread.sleep(SAMPLE_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        Map<ImportProgress.Phase, Long> phaseStarts = new EnumMap<>(ImportProgress.Phase.class);
        String[] lastStep = {"none"};
        long start = System.nanoTime();
        long deadline = start + TIMEOUT_MINUTES * 60_000_000_000L;
        DetectedCsv detected = CsvFiles.detect(file);
        var request = new ImportRequest(file, file.getFileName().toString(), detected.dialect(),
                ImportMapping.guess(detected.header()), ImportMode.VALID_ROWS_ONLY, false);
        long runStart = System.nanoTime();
        ImportReport report = null;
        try {
            report = imports.run(request, new ImportProgress() {
                @Override
                public void update(Phase phase, long done, long total) {
                    phaseStarts.putIfAbsent(phase, System.nanoTime());
                    lastStep[0] = phase + " " + done + "/" + total;
                }

                @Override
                public boolean cancelled() {
                    return System.nanoTime() > deadline;
                }
            });
        } catch (CompanyImportService.ImportCancelledException e) {
            // reported below
        }
        long end = System.nanoTime();
        sampling.set(false);
        sampler.join();
        long gcDuring = gcCount() - gcBefore;
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        System.gc();
        long afterGc = memory.getHeapMemoryUsage().getUsed();

        double importSeconds = (end - start) / 1e9;
        print("");
        if (report == null) {
            print("Import (CompanyImportService.run as admin, valid rows only): CANCELLED after %d min (the limit,"
                    + " -Dbenchmark.timeout.minutes), last progress reported: %s; rolled back, nothing written", TIMEOUT_MINUTES, lastStep[0]);
        } else {
            print("Import (CompanyImportService.run as admin, valid rows only): %,d rows read, %,d created, %,d updated, %,d unchanged, %,d rejected, %s",
                    report.rows(), report.created(), report.updated(), report.unchanged(), report.rejected(),
                    report.written() ? "written (import " + report.importId() + ")" : "NOTHING WRITTEN");
            if (!report.errors().isEmpty()) {
                print("First rejections: %s", report.errors().stream().limit(5)
                        .map(e -> "line " + e.line() + " " + e.column() + ": " + imports.message(e)).collect(Collectors.joining(" | ")));
            }
        }
        print("Companies and contacts in the database after it: %,d and %,d", count("select count(*) from company"),
                count("select count(*) from contact"));
        print("%-44s %8.2f s", "detection (encoding, delimiter, header)", (runStart - start) / 1e9);
        long checking = phaseStarts.getOrDefault(ImportProgress.Phase.CHECKING, end);
        long writing = phaseStarts.getOrDefault(ImportProgress.Phase.WRITING, end);
        print("%-44s %8.2f s", "reading: rows checked in Java, COPY staging", (checking - runStart) / 1e9);
        print("%-44s %8.2f s", "checking and classifying in SQL", (writing - checking) / 1e9);
        print("%-44s %8.2f s%s", "writing, audit rows, commit", (end - writing) / 1e9, report == null ? " (cancelled)" : "");
        boolean finished = report != null && report.written() && report.created() == ROWS;
        if (finished) {
            print("%-44s %8.2f s  %,10.0f rows/s", "import end to end", importSeconds, ROWS / importSeconds);
        } else {
            print("%-44s %8.2f s  (did not import the %,d rows)", "import end to end", importSeconds, ROWS);
        }
        print("Heap used: baseline %,d MB (after System.gc()), peak %,d MB (sampled every %d ms), growth %,d MB;"
                        + " %d collections during the import; %,d MB after the import and a System.gc()",
                baseline >> 20, peak.get() >> 20, SAMPLE_MS, (peak.get() - baseline) >> 20, gcDuring, afterGc >> 20);
        // The sampled peak counts garbage G1 has not collected yet (it waits while the heap has room); what each
        // collection left behind is what the import really held.
        print("Heap left by a collection during the import: peak %,d MB, %,d MB above the baseline",
                peakLive.get() >> 20, (peakLive.get() - liveBaseline) >> 20);

        jdbc.sql("drop table if exists import_benchmark_copy").update();
        jdbc.sql("create table import_benchmark_copy (" + BenchmarkCompanies.IMPORT_HEADERS.stream()
                .map(h -> "c" + BenchmarkCompanies.IMPORT_HEADERS.indexOf(h) + " text").collect(Collectors.joining(", ")) + ")").update();
        long copied;
        long copyStart = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); InputStream in = Files.newInputStream(file)) {
            copied = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy import_benchmark_copy from stdin with (format csv, delimiter ';', header true, encoding 'UTF8')", in,
                            1 << 16);
        }
        long copyEnd = System.nanoTime();
        double copySeconds = (copyEnd - copyStart) / 1e9;
        jdbc.sql("drop table import_benchmark_copy").update();
        print("%-44s %8.2f s  %,10.0f rows/s  (%,d rows into a bare table of %d text columns, no constraint)",
                "COPY of the same file", copySeconds, copied / copySeconds, copied, BenchmarkCompanies.IMPORT_HEADERS.size());

        // The floor under any import into this schema: the same number of companies and contacts, already valid,
        // copied straight into the CRM's tables, with their indexes, constraints and triggers (the search words
        // among them) but nothing an import adds (no checks, no pipeline step, no audit rows). Rolled back.
        long floorCompanies;
        long floorStart = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                var copy = connection.unwrap(PGConnection.class).getCopyAPI();
                long before = maxCompanyId(connection);
                // Numbered after the imported rows: other SIRETs.
                generator.copyCompanies(copy, ROWS, ROWS);
                long firstId = before + 1;
                long lastId = maxCompanyId(connection);
                floorCompanies = lastId - before;
                generator.copyContacts(copy, firstId, lastId);
            } finally {
                connection.rollback();
            }
        }
        double floorSeconds = (System.nanoTime() - floorStart) / 1e9;
        print("%-44s %8.2f s  %,10.0f rows/s  (%,d companies and their contacts straight into company and contact, with their"
                        + " indexes, constraints and triggers; no check, no audit; rolled back)",
                "COPY into the CRM's own tables", floorSeconds, floorCompanies / floorSeconds, floorCompanies);

        double rowsPerSecond = finished ? ROWS / importSeconds : 0;
        double ratio = importSeconds / copySeconds;
        long growthMb = (peak.get() - baseline) >> 20;
        print("");
        print("Import / COPY time: %s%.1f×", finished ? "" : "more than ", ratio);
        print("Import / COPY into the CRM's own tables: %s%.1f×; that COPY / the bare COPY: %.1f×", finished ? "" : "more than ",
                importSeconds / floorSeconds, floorSeconds / copySeconds);
        print("Goal >= %,.0f rows/s: %s (%s)", GOAL_ROWS_PER_SECOND, rowsPerSecond >= GOAL_ROWS_PER_SECOND ? "MET" : "NOT MET",
                finished ? String.format(Locale.ROOT, "%,.0f rows/s", rowsPerSecond) : "the import did not finish");
        print("Goal <= %.0f× the COPY time: %s (%s%.1f×)", GOAL_RATIO, finished && ratio <= GOAL_RATIO ? "MET" : "NOT MET",
                finished ? "" : "more than ", ratio);
        print("Goal peak heap growth < %d MB: %s (%,d MB)", GOAL_HEAP_GROWTH_MB, growthMb < GOAL_HEAP_GROWTH_MB ? "MET" : "NOT MET",
                growthMb);
    }

    private void signIn(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private static long maxCompanyId(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); var max = statement.executeQuery("select coalesce(max(id), 0) from company")) {
            max.next();
            return max.getLong(1);
        }
    }

    private String setting(String name) {
        return jdbc.sql("select current_setting(:name)").param("name", name).query(String.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The heap in use right after the latest collection, summed over the heap's memory pools. */
    private static long heapAfterLastCollection() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .filter(c -> c >= 0).sum();
    }
}
