package fr.passerelle.offer;

import static fr.passerelle.benchmark.BenchmarkDatabase.count;
import static fr.passerelle.benchmark.BenchmarkDatabase.signIn;
import static fr.passerelle.benchmark.BenchmarkDatabase.size;
import static fr.passerelle.benchmark.ListBenchmark.percentile;
import static fr.passerelle.partner.BenchmarkOutput.loadAverage;
import static fr.passerelle.partner.BenchmarkOutput.print;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.DatabaseMode;
import fr.passerelle.benchmark.StatementRecorder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Benchmark, not a test ({@code bin/benchmark-suggestions} runs it; it skips itself without {@code -Dbenchmark=true}):
 * the offers of the offers-list benchmark (a million by default, the same generator), then the suggestions for one
 * cohort ({@link OfferSuggestions#suggest}, 20 suggestions) signed in as a referent, for cohorts of one to three
 * trades drawn as the offers are (popular trades come up more often), in any establishment, with zero to three
 * departments of return and five linked offers excluded; then the coverage of twelve release months by twenty linked
 * offers. Prints p50/p95/max against p95 <= 100 ms, how many open offers each cohort's families hold, and the plan of
 * the slowest cohort.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true", disabledReason = "a benchmark: run bin/benchmark-suggestions")
@Import(StatementRecorder.Recording.class)
class OfferSuggestionsBenchmark extends IntegrationTest {

    private static final int COMPANIES = Integer.getInteger("benchmark.companies", 100_000);
    private static final int OFFERS = Integer.getInteger("benchmark.offers", 1_000_000);
    private static final int QUERIES = Integer.getInteger("benchmark.queries", 200);
    private static final int WARM_UP = 20;
    private static final double GOAL_MS = 100;

    @Autowired
    OfferSuggestions suggestions;
    @Autowired
    UserDetailsService users;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DatabaseMode database;

    @Test
    void suggestionsForOneCohort() throws Exception {
        print("Suggestions benchmark: %,d offers of %,d companies; PostgreSQL %s, %s", OFFERS, COMPANIES,
                jdbc.sql("show server_version").query(String.class).single(), database.description());
        print("Machine: %d cores, load average %s", Runtime.getRuntime().availableProcessors(), loadAverage());
        BenchmarkOfferLoad.load(jdbc, dataSource, COMPANIES, OFFERS);
        print("Sizes: offer %s, offer_open_rome_place_idx %s; %,d open offers, %,d located in a department (%,d of them in a "
                        + "commune resolved from its name)", size(jdbc, "pg_table_size('offer')"),
                size(jdbc, "pg_relation_size('offer_open_rome_place_idx')"), count(jdbc, "select count(*) from offer where status = 'OPEN'"),
                count(jdbc, "select count(*) from offer where department_code is not null"),
                count(jdbc, "select count(*) from offer where commune_code is not null"));

        List<SuggestionRequest> requests = requests();
        signIn(users, "referent");
        for (int i = 0; i < WARM_UP; i++) {
            suggestions.suggest(requests.get(i % requests.size()));
        }
        double[] times = new double[requests.size()];
        long[] candidates = new long[requests.size()];
        long suggested = 0;
        for (int i = 0; i < requests.size(); i++) {
            long start = System.nanoTime();
            suggested += suggestions.suggest(requests.get(i)).size();
            times[i] = (System.nanoTime() - start) / 1e6;
            candidates[i] = count(jdbc, "select count(*) from offer where status = 'OPEN' and left(rome_code, 3) in ('"
                    + String.join("', '", requests.get(i).romeFamilies()) + "')");
        }
        print("");
        print("Suggestions for one cohort (20 asked): %d cohorts after %d warm-up, on average %.1f suggested", requests.size(),
                WARM_UP, suggested / (double) requests.size());
        long[] sortedCandidates = candidates.clone();
        Arrays.sort(sortedCandidates);
        print("Open offers in the cohorts' families (the candidates ranked): median %,d, max %,d",
                sortedCandidates[sortedCandidates.length / 2], sortedCandidates[sortedCandidates.length - 1]);
        print("%-22s %9s %9s %9s", "", "p50", "p95", "max");
        print("%-22s %6.1f ms %6.1f ms %6.1f ms", "suggest", percentile(times, 50), percentile(times, 95), percentile(times, 100));
        print("Goal p95 <= %.0f ms: %s (%.1f ms)", GOAL_MS, percentile(times, 95) <= GOAL_MS ? "MET" : "NOT MET", percentile(times, 95));
        int slowest = 0;
        for (int i = 1; i < times.length; i++) {
            slowest = times[i] > times[slowest] ? i : slowest;
        }
        SuggestionRequest worst = requests.get(slowest);
        explain("the slowest cohort (" + worst.romeCodes() + ", establishment " + worst.establishmentId() + ", return "
                + worst.returnDepartments() + ", " + candidates[slowest] + " candidates)", () -> suggestions.suggest(worst));

        List<Long> linked = jdbc.sql("select id from offer where status in ('OPEN', 'FILLED') order by id desc limit 20")
                .query(Long.class).list();
        Map<YearMonth, Integer> releases = new LinkedHashMap<>();
        for (int month = 0; month < 12; month++) {
            releases.put(YearMonth.now().plusMonths(month), 1 + month % 3);
        }
        double[] coverage = new double[QUERIES];
        for (int i = 0; i < QUERIES + WARM_UP; i++) {
            long start = System.nanoTime();
            suggestions.coverage(linked, releases);
            if (i >= WARM_UP) {
                coverage[i - WARM_UP] = (System.nanoTime() - start) / 1e6;
            }
        }
        print("");
        print("Coverage of 12 release months by 20 linked offers: p50 %.1f ms, p95 %.1f ms, max %.1f ms",
                percentile(coverage, 50), percentile(coverage, 95), percentile(coverage, 100));
    }

    /** Cohorts as they come: trades drawn through open offers (so common trades more often), some of one family. */
    private List<SuggestionRequest> requests() {
        var random = new Random(20_261_106L);
        List<String> trades = jdbc.sql("select rome_code from offer where status = 'OPEN' and id % 97 = 0 order by id")
                .query(String.class).list();
        List<String> allTrades = jdbc.sql("select code from rome_job where active order by code").query(String.class).list();
        List<Long> establishments = jdbc.sql("select id from establishment where active order by id").query(Long.class).list();
        List<String> departments = jdbc.sql("select code from department where active order by code").query(String.class).list();
        List<Long> openIds = jdbc.sql("select id from offer where status = 'OPEN' and id % 89 = 0 order by id").query(Long.class).list();
        List<SuggestionRequest> requests = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            Set<String> codes = new HashSet<>();
            int size = 1 + random.nextInt(3);
            while (codes.size() < size) {
                codes.add(i % 10 == 0 ? allTrades.get(random.nextInt(allTrades.size())) : trades.get(random.nextInt(trades.size())));
            }
            Set<String> returns = new HashSet<>();
            for (int j = random.nextInt(4); j > 0; j--) {
                returns.add(departments.get(random.nextInt(departments.size())));
            }
            Set<Long> linked = new HashSet<>();
            for (int j = 0; j < 5; j++) {
                linked.add(openIds.get(random.nextInt(openIds.size())));
            }
            requests.add(new SuggestionRequest(List.copyOf(codes), establishments.get(random.nextInt(establishments.size())),
                    returns, linked, 20));
        }
        return requests;
    }

    /** Runs the call once while recording its statements, then each again under EXPLAIN (ANALYZE, BUFFERS). */
    private void explain(String what, Supplier<?> call) throws Exception {
        for (StatementRecorder.Recorded statement : StatementRecorder.RECORDER.record(call)) {
            print("");
            print("EXPLAIN (ANALYZE, BUFFERS) of a query of %s:", what);
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement explain = connection.prepareStatement("explain (analyze, buffers) " + statement.sql())) {
                statement.replay(explain);
                try (ResultSet lines = explain.executeQuery()) {
                    while (lines.next()) {
                        print("    %s", lines.getString(1));
                    }
                }
            }
        }
    }
}
