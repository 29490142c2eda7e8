package fr.passerelle.offer;

import static fr.passerelle.benchmark.BenchmarkDatabase.count;
import static fr.passerelle.benchmark.BenchmarkDatabase.signIn;
import static fr.passerelle.benchmark.BenchmarkDatabase.size;
import static fr.passerelle.partner.BenchmarkOutput.loadAverage;
import static fr.passerelle.partner.BenchmarkOutput.print;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.DatabaseMode;
import fr.passerelle.benchmark.ListBenchmark;
import fr.passerelle.benchmark.StatementRecorder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Benchmark, not a test (surefire's naming rules leave it out of {@code mvn verify}; it also skips itself
 * without {@code -Dbenchmark=true}): {@code bin/benchmark-offers} runs it. It fills a throw-away embedded
 * PostgreSQL with companies (the companies benchmark's generator) and a million offers through {@code COPY},
 * the database's triggers and constraints running as for any offer, then times the offers list's first page
 * as the screen asks for it ({@link OfferService#search} with the default order, newest first, then
 * {@link OfferService#count}) signed in as an administrator and as a referent, whose list opens on their DISP,
 * for six filters, and prints the plans.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true", disabledReason = "a benchmark: run bin/benchmark-offers")
@Import(StatementRecorder.Recording.class)
class OfferGridBenchmark extends IntegrationTest {

    private static final int COMPANIES = Integer.getInteger("benchmark.companies", 100_000);
    private static final int OFFERS = Integer.getInteger("benchmark.offers", 1_000_000);
    private static final int QUERIES = Integer.getInteger("benchmark.queries", 200);
    /** The grid's first page with no column sorted: the default order, newest first. */
    private static final PageRequest FIRST_PAGE = PageRequest.of(0, 50);

    /**
     * Typed without accents, as people do: words of titles ("Soudeur", "Préparateur", "Électricien"…), of
     * company names ("Bâtiments", "Lefèvre", "Hôtel"…) and of ROME labels ("Véhicules", "Manutention"…).
     */
    private static final List<String> SEARCH_TERMS = List.of(
            "soudeur", "cuisine", "preparateur", "menuisier", "electricien", "conditionnement", "peintre", "boulanger",
            "plombier", "recyclage", "batiments", "lefevre", "hotel", "proprete", "mecanique", "guerin", "besancon",
            "entretien", "manutention", "vehicules");
    private static final List<Set<OfferStatus>> STATUSES = List.of(EnumSet.of(OfferStatus.OPEN),
            EnumSet.of(OfferStatus.PENDING_VALIDATION), EnumSet.of(OfferStatus.OPEN, OfferStatus.PENDING_VALIDATION),
            EnumSet.of(OfferStatus.FILLED), EnumSet.of(OfferStatus.EXPIRED, OfferStatus.CLOSED));
    private static final List<String> FAMILIES = List.of("H", "F", "N", "G", "K", "I", "D", "A");

    @Autowired
    OfferService offers;
    @Autowired
    UserDetailsService users;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DatabaseMode database;

    @Test
    void offersListFirstPage() throws Exception {
        print("Offers list benchmark: %,d offers of %,d companies; PostgreSQL %s, %s", OFFERS, COMPANIES,
                jdbc.sql("show server_version").query(String.class).single(), database.description());
        print("Machine: %d cores, load average %s", Runtime.getRuntime().availableProcessors(), loadAverage());
        load();
        print("Sizes: offer %s, its indexes %s (%s), target establishments %s", size(jdbc, "pg_table_size('offer')"),
                size(jdbc, "pg_indexes_size('offer')"), String.join(", ", jdbc.sql("""
                        select replace(c.relname, 'offer_', '') || ' ' || pg_size_pretty(pg_relation_size(c.oid))
                        from pg_index i join pg_class c on c.oid = i.indexrelid
                        where i.indrelid = 'offer'::regclass order by pg_relation_size(c.oid) desc""").query(String.class).list()),
                size(jdbc, "pg_total_relation_size('offer_establishment')"));
        print("Search terms: %,d rows, %s with their indexes", count(jdbc, "select count(*) from offer_search_term"),
                size(jdbc, "pg_total_relation_size('offer_search_term')"));
        print("Offers by state: %s", spread("status"));
        print("Offers by type: %s", spread("type"));
        print("Offers by DISP: %s", spread("disp_code"));

        String referentDisp = jdbc.sql("select disp_code from app_user where username = 'referent'").query(String.class).single();
        var list = new ListBenchmark<OfferFilter>("offers", "offer", filter -> offers.search(filter, FIRST_PAGE).size(),
                offers::count, OfferGridBenchmark::describe, dataSource);
        List<ListBenchmark.Result> results = new ArrayList<>();
        for (String who : List.of("admin", "referent")) {
            signIn(users, who);
            // The screen opens on the referent's DISP; an administrator's list on every DISP.
            @Nullable String preset = who.equals("referent") ? referentDisp : null;
            String as = who.equals("referent") ? "referent (" + preset + " preset)" : "administrator";
            print("");
            print("=== Signed in as %s ===", as);
            results.add(list.measure(as + ": (a) no filter", repeat(i -> OfferFilter.none().withDisp(preset)),
                    "offer_", 1));
            results.add(list.measure(as + ": (b) DISP + status", dispAndStatus(preset, false), "offer_", 6));
            results.add(list.measure(as + ": (c) DISP + status + type + ROME family", dispAndStatus(preset, true), "offer_", 6));
            results.add(list.measure(as + ": (d) department", departments(preset), "offer_", 6));
            results.add(list.measure(as + ": (e) company", companies(preset), "offer_company_idx", 6));
            results.add(list.measure(as + ": (f) search, " + SEARCH_TERMS.size() + " terms typed without accents",
                    repeat(i -> new OfferFilter(preset, Set.of(), null, null, null, null, SEARCH_TERMS.get(i % SEARCH_TERMS.size()))),
                    "offer_", SEARCH_TERMS.size()));
        }
        ListBenchmark.summary(results);
    }

    private void load() throws Exception {
        BenchmarkOfferLoad.load(jdbc, dataSource, COMPANIES, OFFERS);
    }

    /** The screen's filters, each query a different combination (the referent's all in their DISP). */
    private List<OfferFilter> dispAndStatus(@Nullable String preset, boolean typeAndFamily) {
        List<String> disps = jdbc.sql("select code from disp order by code").query(String.class).list();
        OfferType[] types = OfferType.values();
        return repeat(i -> new OfferFilter(preset != null ? preset : disps.get(i % disps.size()), STATUSES.get(i % STATUSES.size()),
                typeAndFamily ? types[i / STATUSES.size() % types.length] : null,
                typeAndFamily ? FAMILIES.get(i % FAMILIES.size()) : null, null, null, ""));
    }

    private List<OfferFilter> departments(@Nullable String preset) {
        List<String> codes = jdbc.sql("select code from department where cast(:disp as text) is null or disp_code = :disp order by code")
                .param("disp", preset).query(String.class).list();
        return repeat(i -> new OfferFilter(preset, Set.of(), null, null, codes.get(i % codes.size()), null, ""));
    }

    /** Companies as people open them: drawn through their offers, so those with many offers come up more often. */
    private List<OfferFilter> companies(@Nullable String preset) {
        List<Long> ids = jdbc.sql("""
                        select company_id from offer where (cast(:disp as text) is null or disp_code = :disp) and id % 409 = 0
                        order by id limit :limit""").param("disp", preset).param("limit", QUERIES).query(Long.class).list();
        return repeat(i -> new OfferFilter(preset, Set.of(), null, null, null, ids.get(i % ids.size()), ""));
    }

    private static List<OfferFilter> repeat(Function<Integer, OfferFilter> filter) {
        List<OfferFilter> filters = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            filters.add(filter.apply(i));
        }
        return filters;
    }

    private static String describe(OfferFilter filter) {
        List<String> parts = new ArrayList<>();
        if (!filter.search().isEmpty()) {
            parts.add("search \"" + filter.search() + "\"");
        }
        if (filter.dispCode() != null) {
            parts.add(filter.dispCode());
        }
        if (!filter.statuses().isEmpty()) {
            parts.add("status " + filter.statuses().stream().map(Enum::name).sorted().toList());
        }
        if (filter.type() != null) {
            parts.add(filter.type().name());
        }
        if (filter.romeFamily() != null) {
            parts.add("family " + filter.romeFamily());
        }
        if (filter.departmentCode() != null) {
            parts.add("department " + filter.departmentCode());
        }
        if (filter.companyId() != null) {
            parts.add("company " + filter.companyId());
        }
        return parts.isEmpty() ? "no filter" : String.join(", ", parts);
    }

    private String spread(String column) {
        return String.join(", ", jdbc.sql("select coalesce(" + column + ", '-') || ' ' || to_char(count(*), 'FM999,999,999') from offer "
                + "group by " + column + " order by count(*) desc").query(String.class).list());
    }
}
