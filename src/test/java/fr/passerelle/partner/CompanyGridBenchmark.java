package fr.passerelle.partner;

import static fr.passerelle.benchmark.BenchmarkDatabase.count;
import static fr.passerelle.benchmark.BenchmarkDatabase.signIn;
import static fr.passerelle.benchmark.BenchmarkDatabase.size;
import static fr.passerelle.partner.BenchmarkOutput.loadAverage;
import static fr.passerelle.partner.BenchmarkOutput.print;

import fr.passerelle.IntegrationTest;
import fr.passerelle.benchmark.ListBenchmark;
import fr.passerelle.benchmark.SecondaryIndexes;
import fr.passerelle.benchmark.StatementRecorder;
import fr.passerelle.partner.internal.BenchmarkCompanies;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
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
@Import(StatementRecorder.Recording.class)
class CompanyGridBenchmark extends IntegrationTest {

    private static final int COMPANIES = Integer.getInteger("benchmark.companies", 1_000_000);
    private static final int QUERIES = Integer.getInteger("benchmark.queries", 200);
    private static final PageRequest FIRST_PAGE = PageRequest.of(0, 50, Sort.by("name"));

    /** Typed without accents; the names have them ("Électricité", "Bâtiments", "Besançon", "Lefèvre"…). */
    private static final List<String> SEARCH_TERMS = List.of(
            "electricite", "batiments", "maconnerie", "platrerie", "demenagements", "hotel", "creperie", "receptions",
            "recuperation", "depollution", "mecanique", "proprete", "fenetres", "oeuvre", "lefevre", "guerin", "riviere",
            "besancon", "chateauroux", "epinal");

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
                size(jdbc, "pg_table_size('company')"), size(jdbc, "pg_indexes_size('company')"),
                size(jdbc, "pg_total_relation_size('company_search_term')"), count(jdbc, "select count(*) from company_search_term"),
                size(jdbc, "pg_total_relation_size('contact')"));
        signIn(users, "admin");
        var list = new ListBenchmark<CompanyFilter>("companies", "company", filter -> companies.search(filter, FIRST_PAGE).size(),
                companies::count, CompanyGridBenchmark::describe, dataSource);

        List<CompanyFilter> searches = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            searches.add(CompanyFilter.none().withSearch(SEARCH_TERMS.get(i % SEARCH_TERMS.size())));
        }
        list.measure("(a) accent-insensitive search, " + SEARCH_TERMS.size() + " terms typed without accents", searches,
                "company_search_term_pkey", SEARCH_TERMS.size());
        list.measure("(b) filter combination: DISP + stage + NAF section (+ label every third query)", filterCombinations(),
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
        long before = count(jdbc, "select count(*) from company");
        if (Boolean.getBoolean("benchmark.reuse") && count(jdbc, "select count(*) from company where siret like '9%'") >= COMPANIES) {
            // -Dbenchmark.reuse=true with spring.datasource.url: measure the companies an earlier run left.
            print("Reusing the %,d companies already in the database", before);
            return;
        }

        try (Connection connection = dataSource.getConnection()) {
            // As pg_restore does (the trigram index alone would triple the load); the trigger that derives region
            // and DISP runs as usual.
            var indexes = SecondaryIndexes.drop(jdbc, connection, "company", "contact", "company_search_term");
            BenchmarkCompanies.Copied copied = generator.copyCompaniesAndContacts(connection, COMPANIES);
            print("Loaded %,d companies with COPY in %.1f s (%,.0f rows/s)", COMPANIES, copied.companiesMs() / 1000.0,
                    COMPANIES * 1000.0 / copied.companiesMs());
            print("Loaded %,d contacts with COPY in %.1f s (%,.0f rows/s)", COMPANIES, copied.contactsMs() / 1000.0,
                    COMPANIES * 1000.0 / copied.contactsMs());

            long start = System.nanoTime();
            int built = indexes.rebuild(connection);
            print("Built the %d secondary indexes of company, contact and the search terms in %.1f s", built, (System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            try (var statement = connection.createStatement()) {
                // What autovacuum does soon after a bulk load; index-only scans need the visibility map.
                statement.execute("vacuum analyze company, contact, company_search_term");
            }
            print("VACUUM ANALYZE in %.1f s; %,d companies in all (%,d from the demo data set)", (System.nanoTime() - start) / 1e9,
                    count(jdbc, "select count(*) from company"), before);
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
}
