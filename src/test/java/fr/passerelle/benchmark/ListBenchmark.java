package fr.passerelle.benchmark;

import static fr.passerelle.partner.BenchmarkOutput.print;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;

/**
 * Times a list's first page as its screen asks for it, the page then its count, for a series of filters:
 * p50/p95/max after a warm-up, the slowest filters, then the plans (EXPLAIN ANALYZE, BUFFERS) of the
 * slowest one with the indexes they use. What the companies and offers benchmarks share; it prints
 * {@code bench|} lines and asserts nothing. The application's DataSource must be wrapped by
 * {@link StatementRecorder.Recording}.
 */
public final class ListBenchmark<F> {

    public static final int WARM_UP = 20;
    /** The goal of issue 3 and issue 10: the first page and its count within 50 ms, 95 times out of 100. */
    public static final double GOAL_MS = 50;
    /** The lists count up to 10,001 ("10 000+"). */
    private static final long COUNT_LIMIT = 10_001;

    private final String rows;
    private final String table;
    private final ToIntFunction<F> page;
    private final ToLongFunction<F> count;
    private final Function<F, String> describe;
    private final DataSource dataSource;

    /** What one series measured: page + count, in milliseconds. */
    public record Result(String title, double p50, double p95, double max) {
        public boolean met() {
            return p95 <= GOAL_MS;
        }
    }

    /**
     * @param rows     what the list shows, for the output ("companies", "offers")
     * @param table    the list's table: a sequential scan on it means the plan uses no index
     * @param page     the first page, as the screen asks for it; returns its size
     * @param count    the count, as the screen asks for it
     * @param describe a filter in a few words, which also groups the queries of the same filter
     */
    public ListBenchmark(String rows, String table, ToIntFunction<F> page, ToLongFunction<F> count,
                         Function<F, String> describe, DataSource dataSource) {
        this.rows = rows;
        this.table = table;
        this.page = page;
        this.count = count;
        this.describe = describe;
        this.dataSource = dataSource;
    }

    /** Times page + count for each filter in turn after {@link #WARM_UP} warm-up queries, prints the figures and the slowest filter's plans. */
    public Result measure(String title, List<F> filters, String expectedIndex, int detailLines) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            F filter = filters.get(i % filters.size());
            page.applyAsInt(filter);
            count.applyAsLong(filter);
        }
        Map<String, List<Double>> byFilter = new LinkedHashMap<>();
        Map<String, Long> found = new HashMap<>();
        double[] pages = new double[filters.size()];
        double[] counts = new double[filters.size()];
        double[] both = new double[filters.size()];
        long shown = 0;
        long total = 0;
        for (int i = 0; i < filters.size(); i++) {
            F filter = filters.get(i);
            long start = System.nanoTime();
            shown += page.applyAsInt(filter);
            long middle = System.nanoTime();
            long counted = count.applyAsLong(filter);
            total += counted;
            long end = System.nanoTime();
            pages[i] = (middle - start) / 1e6;
            counts[i] = (end - middle) / 1e6;
            both[i] = (end - start) / 1e6;
            byFilter.computeIfAbsent(describe.apply(filter), k -> new ArrayList<>()).add(both[i]);
            found.put(describe.apply(filter), counted);
        }
        print("");
        print("%s", title);
        print("%d queries after %d warm-up; on average %.1f rows on the first page, %,.0f %s counted",
                filters.size(), WARM_UP, shown / (double) filters.size(), total / (double) filters.size(), rows);
        print("%-22s %9s %9s %9s", "", "p50", "p95", "max");
        print("%-22s %6.1f ms %6.1f ms %6.1f ms", "page (search)", percentile(pages, 50), percentile(pages, 95), max(pages));
        print("%-22s %6.1f ms %6.1f ms %6.1f ms", "count", percentile(counts, 50), percentile(counts, 95), max(counts));
        print("%-22s %6.1f ms %6.1f ms %6.1f ms", "page + count", percentile(both, 50), percentile(both, 95), max(both));
        var result = new Result(title, percentile(both, 50), percentile(both, 95), max(both));
        print("Goal p95 <= %.0f ms for page + count: %s (%.1f ms)", GOAL_MS, result.met() ? "MET" : "NOT MET", result.p95());
        double[] narrow = byFilter.entrySet().stream().filter(e -> found.get(e.getKey()) < COUNT_LIMIT)
                .flatMap(e -> e.getValue().stream()).mapToDouble(Double::doubleValue).toArray();
        if (narrow.length > 0 && narrow.length < both.length) {
            print("Of which the %d queries matching fewer than 10,001 %s: p50 %.1f ms, p95 %.1f ms", narrow.length, rows,
                    percentile(narrow, 50), percentile(narrow, 95));
        }
        print("Slowest filters (median of page + count; %s counted, up to the list's limit of 10,001):", rows);
        byFilter.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, List<Double>> e) -> -median(e.getValue())))
                .limit(detailLines)
                .forEach(e -> print("    %7.1f ms  %-70s %,8d", median(e.getValue()), e.getKey(), found.get(e.getKey())));

        F slowest = filters.get(indexOfMax(both));
        explain("page", () -> page.applyAsInt(slowest), expectedIndex, slowest);
        explain("count", () -> count.applyAsLong(slowest), expectedIndex, slowest);
        return result;
    }

    /** One line per series, then whether every one met the goal. */
    public static void summary(List<Result> results) {
        print("");
        print("Summary (page + count):");
        print("    %-78s %9s %9s %9s", "", "p50", "p95", "max");
        for (Result result : results) {
            print("    %-78s %6.1f ms %6.1f ms %6.1f ms  %s", result.title(), result.p50(), result.p95(), result.max(),
                    result.met() ? "MET" : "NOT MET");
        }
        long missed = results.stream().filter(r -> !r.met()).count();
        print("Goal p95 <= %.0f ms: %s", GOAL_MS, missed == 0 ? "MET for every series" : "NOT MET for " + missed + " of " + results.size());
    }

    /** Runs the call once while recording its statements, then runs each again under EXPLAIN (ANALYZE, BUFFERS). */
    private void explain(String what, Supplier<?> call, String expectedIndex, F filter) throws Exception {
        List<StatementRecorder.Recorded> statements = StatementRecorder.RECORDER.record(call);
        for (StatementRecorder.Recorded statement : statements) {
            print("");
            print("EXPLAIN (ANALYZE, BUFFERS) of the %s query of the slowest filter (%s):", what, describe.apply(filter));
            List<String> plan = new ArrayList<>();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement explain = connection.prepareStatement("explain (analyze, buffers) " + statement.sql())) {
                statement.replay(explain);
                try (ResultSet lines = explain.executeQuery()) {
                    while (lines.next()) {
                        plan.add(lines.getString(1));
                    }
                }
            }
            plan.forEach(line -> print("    %s", line));
            String text = String.join("\n", plan);
            List<String> indexes = plan.stream()
                    .filter(line -> line.contains("Index Scan") || line.contains("Index Only Scan"))
                    .map(line -> line.replaceAll("^[\\s\\->]*", "").replaceAll("\\s+\\(cost.*", ""))
                    .distinct().toList();
            boolean sequential = text.contains("Seq Scan on " + table);
            boolean expected = indexes.stream().anyMatch(line -> line.contains(expectedIndex));
            if (indexes.isEmpty() && !sequential && !text.contains("Scan on " + table)) {
                print("Reads no table (the search's words, split by search_terms())");
                continue;
            }
            print("Index used: %s", expected && !sequential ? "YES, " + String.join("; ", indexes)
                    : "NO" + (sequential ? " (Seq Scan on " + table + ")" : "") + (indexes.isEmpty() ? "" : ", only " + String.join("; ", indexes)));
        }
    }

    public static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double median(List<Double> values) {
        return percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), 50);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    private static int indexOfMax(double[] values) {
        int index = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[index]) {
                index = i;
            }
        }
        return index;
    }
}
