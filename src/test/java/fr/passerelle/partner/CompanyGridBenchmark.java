package fr.passerelle.partner;

import static fr.passerelle.partner.BenchmarkOutput.loadAverage;
import static fr.passerelle.partner.BenchmarkOutput.print;

import fr.passerelle.IntegrationTest;
import fr.passerelle.partner.internal.BenchmarkCompanies;
import java.io.Closeable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Benchmark, not a test (surefire's naming rules leave it out of {@code mvn verify}; it also skips
 * itself without {@code -Dbenchmark=true}): {@code bin/benchmark-companies} runs it. It fills a
 * throw-away embedded PostgreSQL with a million companies and a contact each through {@code COPY},
 * then times the companies grid's first page ({@link CompanyService#search} and
 * {@link CompanyService#count}, as the grid calls them) as a signed-in administrator, for an
 * accent-insensitive search and for a combination of filters, and prints the plans.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true", disabledReason = "a benchmark: run bin/benchmark-companies")
class CompanyGridBenchmark extends IntegrationTest {

    private static final int COMPANIES = Integer.getInteger("benchmark.companies", 1_000_000);
    private static final int QUERIES = Integer.getInteger("benchmark.queries", 200);
    private static final int WARM_UP = 20;
    private static final double GOAL_MS = 50;
    private static final PageRequest FIRST_PAGE = PageRequest.of(0, 50, Sort.by("name"));

    /** Typed without accents; the names have them ("Électricité", "Bâtiments", "Besançon", "Lefèvre"…). */
    private static final List<String> SEARCH_TERMS = List.of(
            "electricite", "batiments", "maconnerie", "platrerie", "demenagements", "hotel", "creperie", "receptions",
            "recuperation", "depollution", "mecanique", "proprete", "fenetres", "oeuvre", "lefevre", "guerin", "riviere",
            "besancon", "chateauroux", "epinal");

    private static final StatementRecorder RECORDER = new StatementRecorder();

    @Autowired
    CompanyService companies;
    @Autowired
    UserDetailsService users;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void companiesGridFirstPage() throws Exception {
        print("Companies grid benchmark: %,d companies and contacts on a throw-away embedded PostgreSQL %s",
                COMPANIES, jdbc.sql("show server_version").query(String.class).single());
        print("Machine: %d cores, load average %s", Runtime.getRuntime().availableProcessors(), loadAverage());
        load();
        print("Sizes: company %s (indexes %s), search terms %s (%,d rows, with indexes), contact %s",
                size("pg_table_size('company')"), size("pg_indexes_size('company')"),
                size("pg_total_relation_size('company_search_term')"), count("select count(*) from company_search_term"),
                size("pg_total_relation_size('contact')"));
        signIn("admin");

        List<CompanyFilter> searches = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            searches.add(CompanyFilter.none().withSearch(SEARCH_TERMS.get(i % SEARCH_TERMS.size())));
        }
        measure("(a) accent-insensitive search, " + SEARCH_TERMS.size() + " terms typed without accents", searches,
                "company_search_term_pkey", SEARCH_TERMS.size());
        measure("(b) filter combination: DISP + stage + NAF section (+ label every third query)", filterCombinations(),
                "company_", 8);
    }

    private void load() throws Exception {
        List<String> nafCodes = jdbc.sql("select code from naf_sub_class order by code").query(String.class).list();
        Map<String, String> dispOfDepartment = new HashMap<>();
        jdbc.sql("select code, disp_code from department").query(rs -> {
            dispOfDepartment.put(rs.getString(1), rs.getString(2));
        });
        Long referent = jdbc.sql("select id from app_user where username = 'referent'").query(Long.class).optional().orElse(null);
        var generator = new BenchmarkCompanies(nafCodes, dispOfDepartment, referent, "DISP DIJON");
        long before = count("select count(*) from company");
        if (Boolean.getBoolean("benchmark.reuse") && count("select count(*) from company where siret like '9%'") >= COMPANIES) {
            // -Dbenchmark.reuse=true with spring.datasource.url: measure the companies an earlier run left.
            print("Reusing the %,d companies already in the database", before);
            return;
        }

        try (Connection connection = dataSource.getConnection()) {
            // As pg_restore does: the secondary indexes are built once after the rows are in, rather than
            // updated row by row (the trigram index alone would triple the load). Constraints, foreign keys
            // and the trigger that derives region and DISP all run as usual.
            List<String> indexes = jdbc.sql("""
                            select indexdef from pg_indexes i
                            where i.schemaname = 'public' and i.tablename in ('company', 'contact', 'company_search_term')
                              and not exists (select 1 from pg_constraint k where k.conname = i.indexname)
                            """).query(String.class).list();
            try (var statement = connection.createStatement()) {
                for (String index : indexes) {
                    statement.execute("drop index " + index.replaceAll("^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2"));
                }
            }
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long companiesMs = generator.copyCompanies(copy, COMPANIES);
            print("Loaded %,d companies with COPY in %.1f s (%,.0f rows/s)", COMPANIES, companiesMs / 1000.0, COMPANIES * 1000.0 / companiesMs);

            long first;
            long last;
            try (var statement = connection.createStatement();
                 ResultSet ids = statement.executeQuery("select min(id), max(id), count(*) from company where siret like '9%'")) {
                ids.next();
                first = ids.getLong(1);
                last = ids.getLong(2);
                if (ids.getLong(3) != COMPANIES || last - first + 1 != COMPANIES) {
                    throw new IllegalStateException("The copied companies' ids are not one run: " + first + "–" + last);
                }
            }
            long contactsMs = generator.copyContacts(copy, first, last);
            print("Loaded %,d contacts with COPY in %.1f s (%,.0f rows/s)", COMPANIES, contactsMs / 1000.0, COMPANIES * 1000.0 / contactsMs);

            long start = System.nanoTime();
            try (var statement = connection.createStatement()) {
                statement.execute("set maintenance_work_mem = '256MB'");
                for (String index : indexes) {
                    statement.execute(index);
                }
            }
            print("Built the %d secondary indexes of company, contact and the search terms in %.1f s", indexes.size(), (System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            try (var statement = connection.createStatement()) {
                // What autovacuum does soon after a bulk load; index-only scans need the visibility map.
                statement.execute("vacuum analyze company, contact, company_search_term");
            }
            print("VACUUM ANALYZE in %.1f s; %,d companies in all (%,d from the demo data set)", (System.nanoTime() - start) / 1e9,
                    count("select count(*) from company"), before);
        }
    }

    private List<CompanyFilter> filterCombinations() {
        List<String> disps = jdbc.sql("select code from disp order by code").query(String.class).list();
        List<Set<PipelineStage>> stages = List.of(Set.of(PipelineStage.PROSPECT), Set.of(PipelineStage.PARTNER),
                Set.of(PipelineStage.CONTACTED, PipelineStage.IN_DISCUSSION), Set.of(PipelineStage.DORMANT));
        List<String> sections = List.of("F", "H", "I", "E", "C", "N", "G");
        List<CompanyLabel> labels = List.of(CompanyLabel.PRODUIT_EN_PRISON, CompanyLabel.INCLUSIVE_COMPANY);
        List<CompanyFilter> filters = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            CompanyLabel label = i % 3 == 2 ? labels.get(i % labels.size()) : null;
            filters.add(new CompanyFilter(disps.get(i % disps.size()), null, stages.get(i % stages.size()), null,
                    sections.get(i % sections.size()), null, label, ""));
        }
        return filters;
    }

    private void measure(String title, List<CompanyFilter> filters, String expectedIndex, int detailLines) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            CompanyFilter filter = filters.get(i % filters.size());
            companies.search(filter, FIRST_PAGE);
            companies.count(filter);
        }
        Map<String, List<Double>> byFilter = new java.util.LinkedHashMap<>();
        Map<String, Long> found = new HashMap<>();
        double[] page = new double[filters.size()];
        double[] count = new double[filters.size()];
        double[] both = new double[filters.size()];
        long rows = 0;
        long total = 0;
        for (int i = 0; i < filters.size(); i++) {
            CompanyFilter filter = filters.get(i);
            long start = System.nanoTime();
            rows += companies.search(filter, FIRST_PAGE).size();
            long middle = System.nanoTime();
            long counted = companies.count(filter);
            total += counted;
            long end = System.nanoTime();
            page[i] = (middle - start) / 1e6;
            count[i] = (end - middle) / 1e6;
            both[i] = (end - start) / 1e6;
            byFilter.computeIfAbsent(describe(filter), k -> new ArrayList<>()).add(both[i]);
            found.put(describe(filter), counted);
        }
        print("");
        print("%s", title);
        print("%d queries after %d warm-up; on average %.1f rows on the first page, %,.0f companies counted",
                filters.size(), WARM_UP, rows / (double) filters.size(), total / (double) filters.size());
        print("%-22s %9s %9s %9s", "", "p50", "p95", "max");
        print("%-22s %6.1f ms %6.1f ms %6.1f ms", "page (search)", percentile(page, 50), percentile(page, 95), max(page));
        print("%-22s %6.1f ms %6.1f ms %6.1f ms", "count", percentile(count, 50), percentile(count, 95), max(count));
        print("%-22s %6.1f ms %6.1f ms %6.1f ms", "page + count", percentile(both, 50), percentile(both, 95), max(both));
        double p95 = percentile(both, 95);
        print("Goal p95 <= %.0f ms for page + count: %s (%.1f ms)", GOAL_MS, p95 <= GOAL_MS ? "MET" : "NOT MET", p95);
        double[] narrow = byFilter.entrySet().stream().filter(e -> found.get(e.getKey()) < 10_001)
                .flatMap(e -> e.getValue().stream()).mapToDouble(Double::doubleValue).toArray();
        if (narrow.length > 0 && narrow.length < both.length) {
            print("Of which the %d queries matching fewer than 10,001 companies: p50 %.1f ms, p95 %.1f ms", narrow.length,
                    percentile(narrow, 50), percentile(narrow, 95));
        }
        print("Slowest filters (median of page + count; companies counted, up to the list's limit of 10,001):");
        byFilter.entrySet().stream()
                .sorted(java.util.Comparator.comparingDouble((Map.Entry<String, List<Double>> e) -> -median(e.getValue())))
                .limit(detailLines)
                .forEach(e -> print("    %7.1f ms  %-70s %,8d", median(e.getValue()), e.getKey(), found.get(e.getKey())));

        CompanyFilter slowest = filters.get(indexOfMax(both));
        explain("page", () -> companies.search(slowest, FIRST_PAGE), expectedIndex, slowest);
        explain("count", () -> companies.count(slowest), expectedIndex, slowest);
    }

    /** Runs the call once while recording its statements, then runs each again under EXPLAIN (ANALYZE, BUFFERS). */
    private void explain(String what, Supplier<?> call, String expectedIndex, CompanyFilter filter) throws Exception {
        List<StatementRecorder.Recorded> statements = RECORDER.record(call);
        for (StatementRecorder.Recorded statement : statements) {
            print("");
            print("EXPLAIN (ANALYZE, BUFFERS) of the %s query of the slowest filter (%s):", what, describe(filter));
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
            boolean sequential = text.contains("Seq Scan on company");
            boolean expected = indexes.stream().anyMatch(line -> line.contains(expectedIndex));
            if (indexes.isEmpty() && !sequential && !text.contains("Scan on company")) {
                print("Reads no table (the search's words, split by search_terms())");
                continue;
            }
            print("Index used: %s", expected && !sequential ? "YES, " + String.join("; ", indexes)
                    : "NO" + (sequential ? " (Seq Scan on company)" : "") + (indexes.isEmpty() ? "" : ", only " + String.join("; ", indexes)));
        }
    }

    private static String describe(CompanyFilter filter) {
        List<String> parts = new ArrayList<>();
        if (!filter.search().isEmpty()) {
            parts.add("search \"" + filter.search() + "\"");
        }
        if (filter.dispCode() != null) {
            parts.add(filter.dispCode());
        }
        if (!filter.stages().isEmpty()) {
            parts.add("stage " + filter.stages().stream().map(Enum::name).sorted().toList());
        }
        if (filter.sectionCode() != null) {
            parts.add("section " + filter.sectionCode());
        }
        if (filter.label() != null) {
            parts.add("label " + filter.label());
        }
        return String.join(", ", parts);
    }

    private void signIn(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private String size(String expression) {
        return jdbc.sql("select pg_size_pretty(" + expression + ")").query(String.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static double percentile(double[] values, int percent) {
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


    /** Wraps the application's DataSource so that the benchmark can replay a service's SQL under EXPLAIN. */
    @TestConfiguration(proxyBeanMethods = false)
    static class RecordingConfiguration {

        @Bean
        static BeanPostProcessor recordingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource source ? RECORDER.wrap(source) : bean;
                }
            };
        }
    }

    /** Records the prepared statements (SQL and parameters) run while {@link #record} runs a call. */
    static final class StatementRecorder {

        record Parameter(Method setter, Object[] arguments) {
        }

        record Recorded(String sql, List<Parameter> parameters) {
            void replay(PreparedStatement statement) throws Exception {
                for (Parameter parameter : parameters) {
                    parameter.setter().invoke(statement, parameter.arguments());
                }
            }
        }

        private volatile @Nullable List<Recorded> recording;

        List<Recorded> record(Supplier<?> call) {
            List<Recorded> recorded = new ArrayList<>();
            recording = recorded;
            try {
                call.get();
            } finally {
                recording = null;
            }
            return recorded;
        }

        DataSource wrap(DataSource target) {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class, Closeable.class},
                    delegate(target, (method, result, arguments) -> method.getName().equals("getConnection")
                            ? connection((Connection) result) : result));
        }

        private Connection connection(Connection target) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    delegate(target, (method, result, arguments) -> {
                        List<Recorded> recorded = recording;
                        if (recorded != null && method.getName().equals("prepareStatement") && arguments != null
                                && arguments[0] instanceof String sql) {
                            var statement = new Recorded(sql, new ArrayList<>());
                            recorded.add(statement);
                            return statement((PreparedStatement) result, statement);
                        }
                        return result;
                    }));
        }

        private PreparedStatement statement(PreparedStatement target, Recorded recorded) {
            return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                    delegate(target, (method, result, arguments) -> {
                        if (method.getName().startsWith("set") && arguments != null && arguments.length >= 2
                                && arguments[0] instanceof Integer) {
                            recorded.parameters().add(new Parameter(method, arguments.clone()));
                        }
                        return result;
                    }));
        }

        private interface AfterCall {
            @Nullable Object apply(Method method, @Nullable Object result, Object @Nullable [] arguments) throws Exception;
        }

        private static InvocationHandler delegate(Object target, AfterCall after) {
            return (proxy, method, arguments) -> {
                if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                    return proxy == arguments[0];
                }
                if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
                    return System.identityHashCode(proxy);
                }
                if (method.getName().equals("close") && method.getParameterCount() == 0 && target instanceof AutoCloseable closeable) {
                    closeable.close();
                    return null;
                }
                Object result;
                try {
                    result = method.invoke(target, arguments);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                return after.apply(method, result, arguments);
            };
        }
    }
}
