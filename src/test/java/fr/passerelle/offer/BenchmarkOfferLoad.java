package fr.passerelle.offer;

import static fr.passerelle.benchmark.BenchmarkDatabase.count;
import static fr.passerelle.partner.BenchmarkOutput.print;

import fr.passerelle.benchmark.SecondaryIndexes;
import fr.passerelle.offer.internal.BenchmarkOffers;
import fr.passerelle.partner.internal.BenchmarkCompanies;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The offers of the offer benchmarks (bin/benchmark-offers, bin/benchmark-suggestions): companies from the companies
 * benchmark's generator, then offers and their target establishments through {@code COPY}, the database's triggers
 * and constraints running as for any offer; or, with {@code -Dbenchmark.reuse=true}, those an earlier run left.
 */
final class BenchmarkOfferLoad {

    private BenchmarkOfferLoad() {
    }

    static void load(JdbcClient jdbc, DataSource dataSource, int companyCount, int offerCount) throws Exception {
        List<String> nafCodes = jdbc.sql("select code from naf_sub_class order by code").query(String.class).list();
        Map<String, String> dispOfDepartment = new HashMap<>();
        jdbc.sql("select code, disp_code from department").query(rs -> {
            dispOfDepartment.put(rs.getString(1), rs.getString(2));
        });
        Long referent = jdbc.sql("select id from app_user where username = 'referent'").query(Long.class).optional().orElse(null);
        var companies = new BenchmarkCompanies(nafCodes, dispOfDepartment, referent, "DISP DIJON");
        long before = count(jdbc, "select count(*) from offer");
        if (Boolean.getBoolean("benchmark.reuse") && before >= offerCount) {
            // -Dbenchmark.reuse=true with -Dpasserelle.embedded-db.data-dir (or spring.datasource.url): measure the
            // offers an earlier run left there, after the migrations of this one.
            print("Reusing the %,d offers already in the database", before);
            if (Boolean.getBoolean("benchmark.reindex")) {
                // A database loaded before the search terms' primary key was built after the load, as below.
                jdbc.sql("reindex table offer_search_term").update();
            }
            // A migration of this run may have written a table in bulk (V22, the search terms): as autovacuum would.
            jdbc.sql("vacuum analyze offer, offer_search_term").update();
            return;
        }

        try (Connection connection = dataSource.getConnection()) {
            // As pg_restore does; the triggers that derive DISPs and search documents, the deferred check of each
            // offer's place and the foreign keys all run as usual.
            var indexes = SecondaryIndexes.drop(jdbc, connection, "company", "contact", "company_search_term", "offer",
                    "offer_establishment");
            // The search terms' primary key too, as pg_restore builds it after the data: some 15 million entries
            // inserted in random order would leave it half empty. Its index by offer stays: the target establishments'
            // statement below updates the terms of their offers through it.
            jdbc.sql("alter table offer_search_term drop constraint offer_search_term_pkey").update();
            BenchmarkCompanies.Copied copied = companies.copyCompaniesAndContacts(connection, companyCount);
            print("Loaded %,d companies and their contacts with COPY in %.1f s", companyCount,
                    (copied.companiesMs() + copied.contactsMs()) / 1000.0);

            List<BenchmarkOffers.Company> owners = jdbc.sql("""
                            select c.id, c.department_code, c.disp_code, coalesce(min(k.id), 0) as contact_id
                            from company c left join contact k on k.company_id = c.id
                            where c.id between :first and :last group by c.id order by c.id""")
                    .param("first", copied.firstId()).param("last", copied.lastId()).query(BenchmarkOffers.Company.class).list();
            var generator = new BenchmarkOffers(owners,
                    jdbc.sql("select code, label from rome_job order by code").query(BenchmarkOffers.RomeJob.class).list(),
                    jdbc.sql("select id, disp_code from establishment where active order by id").query(BenchmarkOffers.Establishment.class).list(),
                    jdbc.sql("select code from department order by code").query(String.class).list());

            // One transaction: the workshop offers' target establishments come after them, as the service writes them.
            long lastBefore = count(jdbc, "select coalesce(max(id), 0) from offer");
            connection.setAutoCommit(false);
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long offersMs = generator.copyOffers(copy, offerCount);
            print("Copied %,d offers in %.1f s (%,.0f rows/s)", offerCount, offersMs / 1000.0, offerCount * 1000.0 / offersMs);
            long first;
            try (var statement = connection.createStatement();
                 ResultSet ids = statement.executeQuery("select min(id), max(id), count(*) from offer where id > " + lastBefore)) {
                ids.next();
                first = ids.getLong(1);
                if (ids.getLong(3) != offerCount || ids.getLong(2) - first + 1 != offerCount) {
                    throw new IllegalStateException("The copied offers' ids are not one run: " + first + "–" + ids.getLong(2));
                }
            }
            long[] targets = generator.copyTargets(copy, first);
            print("Copied %,d target establishments in %.1f s (their offers' DISP derived again by the trigger)", targets[0],
                    targets[1] / 1000.0);
            long start = System.nanoTime();
            connection.commit();
            connection.setAutoCommit(true);
            print("Commit (the deferred check of every offer's place) in %.1f s", (System.nanoTime() - start) / 1e9);

            start = System.nanoTime();
            int built = indexes.rebuild(connection);
            jdbc.sql("alter table offer_search_term add constraint offer_search_term_pkey primary key (term, created_at, offer_id)"
                    + " include (disp_code, status)").update();
            built++;
            print("Built the %d secondary indexes of company, contact, search terms, offer and targets in %.1f s", built,
                    (System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            try (var statement = connection.createStatement()) {
                // What autovacuum does soon after a bulk load; index-only scans need the visibility map.
                statement.execute("vacuum analyze company, contact, company_search_term, offer, offer_establishment, offer_search_term");
            }
            print("VACUUM ANALYZE in %.1f s; %,d offers in all (%,d from the demo data set)", (System.nanoTime() - start) / 1e9,
                    count(jdbc, "select count(*) from offer"), before);
        }
    }
}
