package fr.passerelle.cohort;

import static fr.passerelle.benchmark.BenchmarkDatabase.count;
import static fr.passerelle.benchmark.BenchmarkDatabase.signIn;
import static fr.passerelle.benchmark.BenchmarkDatabase.size;
import static fr.passerelle.partner.BenchmarkOutput.loadAverage;
import static fr.passerelle.partner.BenchmarkOutput.print;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.DatabaseMode;
import fr.passerelle.benchmark.StatementRecorder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Benchmark, not a test (surefire's naming rules leave it out of {@code mvn verify}; it also skips itself without
 * {@code -Dbenchmark=true}): {@code bin/benchmark-programme} runs it. It writes one programme of 1,000 cohorts in
 * every DISP's establishments and 10,000 participants at every stage (set-based SQL, the triggers and constraints
 * running as for any row), then times the programme page's results as the page asks for them: the totals
 * ({@link CohortRatesService#programme}) and the per-cohort table's first page
 * ({@link CohortRatesService#programmeCohorts}), signed in as an administrator and as communication; then the whole
 * page (the programme, the cohorts grid's page and count as well). It prints p50/p95/max and the plans.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true", disabledReason = "a benchmark: run bin/benchmark-programme")
@Import(StatementRecorder.Recording.class)
class ProgrammePageBenchmark extends IntegrationTest {

    private static final int COHORTS = Integer.getInteger("benchmark.cohorts", 1_000);
    private static final int PARTICIPANTS = Integer.getInteger("benchmark.participants", 10_000);
    private static final int QUERIES = Integer.getInteger("benchmark.queries", 200);
    private static final int WARM_UP = 20;
    private static final double GOAL_MS = 200;
    /** The per-cohort table's first page, as the grid asks for it. */
    private static final PageRequest FIRST_PAGE = PageRequest.of(0, 50);

    @Autowired
    CohortRatesService rates;
    @Autowired
    CohortService cohorts;
    @Autowired
    ProgrammeService programmes;
    @Autowired
    UserDetailsService users;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DatabaseMode database;

    @Test
    void programmePage() throws Exception {
        print("Programme page benchmark: %,d cohorts, %,d participants; PostgreSQL %s, %s", COHORTS, PARTICIPANTS,
                jdbc.sql("show server_version").query(String.class).single(), database.description());
        print("Machine: %d cores, load average %s", Runtime.getRuntime().availableProcessors(), loadAverage());
        signIn(users, "admin");
        long programme = load();

        List<Double> results = new ArrayList<>();
        for (String who : List.of("admin", "communication")) {
            signIn(users, who);
            print("");
            print("=== Signed in as %s ===", who);
            results.add(measure(who + ": totals + first page of the per-cohort table", () -> {
                rates.programme(programme);
                rates.programmeCohorts(programme, FIRST_PAGE);
            }));
        }
        signIn(users, "admin");
        results.add(measure("admin: the whole page (programme, cohorts grid page + count, totals, per-cohort table)", () -> {
            programmes.get(programme).orElseThrow();
            cohorts.search(CohortFilter.ofProgramme(programme), FIRST_PAGE);
            cohorts.count(CohortFilter.ofProgramme(programme));
            rates.programme(programme);
            rates.programmeCohorts(programme, FIRST_PAGE);
        }));
        explain(() -> {
            rates.programme(programme);
            rates.programmeCohorts(programme, FIRST_PAGE);
        });
        print("");
        long missed = results.stream().filter(p95 -> p95 > GOAL_MS).count();
        print("Goal p95 <= %.0f ms: %s", GOAL_MS, missed == 0 ? "MET for every series" : "NOT MET for " + missed + " of " + results.size());
    }

    /** One programme, its cohorts spread over every active establishment and ten years, and their participants. */
    private long load() {
        long programme = programmes.create(new ProgrammeDraft("Benchmark " + CohortFixtures.token(), null, 10, 8,
                java.util.Set.of(Sector.CONSTRUCTION), false)).id();
        long admin = jdbc.sql("select id from app_user where username = 'admin'").query(Long.class).single();
        long start = System.nanoTime();
        jdbc.sql("""
                        insert into cohort (programme_id, title, sector, establishment_id, planned_start, planned_end, capacity,
                                            referent_id, state, cancel_reason)
                        select :programme, 'Promotion ' || g, 'CONSTRUCTION', e.id, date '2016-01-04' + (g * 3) % 3650,
                               date '2016-01-04' + (g * 3) % 3650 + 56, 8 + g % 5, :admin,
                               (array ['COMPLETED', 'COMPLETED', 'COMPLETED', 'IN_PROGRESS', 'RECRUITING', 'PLANNED', 'CANCELLED'])[1 + g % 7],
                               case when g % 7 = 6 then 'Formateur indisponible' end
                        from generate_series(1, :cohorts) g
                        join lateral (select id from establishment where active order by id offset g % (select count(*) from establishment where active)
                                      limit 1) e on true""")
                .param("programme", programme).param("admin", admin).param("cohorts", COHORTS).update();
        List<Long> ids = jdbc.sql("select id from cohort where programme_id = :p order by id").param("p", programme).query(Long.class).list();
        jdbc.sql("""
                        insert into participant (cohort_id, code, release_month, return_department_code, state, drop_reason,
                                                 certification_obtained, release_outcome, release_contract_type,
                                                 six_month_outcome, six_month_contract_type)
                        select c, 'SPIP-' || g, date_trunc('month', current_date - ((g * 7) % 2400))::date, null,
                               s, case when s = 'DROPPED' then 'Transfert' end, s = 'COMPLETED' and g % 4 <> 0,
                               r, case when r = 'EMPLOYED' then 'CDI' end, x, case when x = 'EMPLOYED' then 'CDD' end
                        from (select g, c,
                                     (array ['COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'ENROLLED', 'DROPPED'])[1 + g % 6] as s,
                                     (array ['EMPLOYED', 'EMPLOYED', 'IN_TRAINING', 'JOB_SEEKING', 'UNKNOWN', null])[1 + g % 6] as r,
                                     (array ['EMPLOYED', 'JOB_SEEKING', 'UNKNOWN', null, 'EMPLOYED'])[1 + g % 5] as x
                              from generate_series(1, :participants) g
                              join (select id as c, row_number() over (order by id) - 1 as n from cohort where programme_id = :programme) k
                                on k.n = g % :cohorts) p""")
                .param("participants", PARTICIPANTS).param("programme", programme).param("cohorts", ids.size()).update();
        jdbc.sql("vacuum analyze cohort, participant").update();
        print("Loaded %,d cohorts and %,d participants in %.1f s; participant table %s with its indexes", ids.size(),
                count(jdbc, "select count(*) from participant p join cohort c on c.id = p.cohort_id where c.programme_id = " + programme),
                (System.nanoTime() - start) / 1e9, size(jdbc, "pg_total_relation_size('participant')"));
        return programme;
    }

    private double measure(String title, Runnable page) {
        for (int i = 0; i < WARM_UP; i++) {
            page.run();
        }
        double[] times = new double[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            long start = System.nanoTime();
            page.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        double p95 = times[(int) Math.ceil(0.95 * QUERIES) - 1];
        print("");
        print("%s", title);
        print("%d runs after %d warm-up: p50 %.1f ms, p95 %.1f ms, max %.1f ms — goal p95 <= %.0f ms: %s", QUERIES, WARM_UP,
                times[(int) Math.ceil(0.5 * QUERIES) - 1], p95, times[QUERIES - 1], GOAL_MS, p95 <= GOAL_MS ? "MET" : "NOT MET");
        return p95;
    }

    /** Records the statements of one run and prints each one's EXPLAIN (ANALYZE, BUFFERS). */
    private void explain(Runnable page) throws Exception {
        for (StatementRecorder.Recorded statement : StatementRecorder.RECORDER.record(() -> {
            page.run();
            return null;
        })) {
            print("");
            print("EXPLAIN (ANALYZE, BUFFERS):");
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
