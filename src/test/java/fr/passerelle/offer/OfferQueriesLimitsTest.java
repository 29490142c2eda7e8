package fr.passerelle.offer;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.PrefixSearch;
import fr.passerelle.partner.LuhnSirets;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** The offers search by word prefix (V22, decision record 014) and what keeps the list fast (bin/benchmark-offers). */
@Transactional
class OfferQueriesLimitsTest extends IntegrationTest {

    private static final PageRequest NEWEST_FIRST = PageRequest.of(0, 50);

    @Autowired
    OfferQueries queries;

    @Autowired
    JdbcClient jdbc;

    long company;

    @BeforeEach
    void company() {
        company = new OfferFixtures(jdbc, null).company("Chaudronnerie Vésinet", "21");
    }

    @Test
    void theSearchMatchesTheStartOfWordsWithoutAccentsOrCaseNewestFirst() {
        insert("21", "OPEN", List.of("Soudeur Quorvex", "Électricien Quorvexien", "Quorvex cuisinier", "Plombier"));

        for (String typed : List.of("quorvex", "QUÔRVEX", " Quorv ")) {
            assertThat(titles(OfferFilter.none().withSearch(typed))).as(typed)
                    .containsExactly("Quorvex cuisinier", "Électricien Quorvexien", "Soudeur Quorvex");
        }
        assertThat(titles(OfferFilter.none().withSearch("elec quorvex"))).containsExactly("Électricien Quorvexien");
        assertThat(titles(OfferFilter.none().withSearch("quorvex vesinet cuisin"))).as("the company's name too")
                .containsExactly("Quorvex cuisinier");
        assertThat(titles(OfferFilter.none().withSearch("quorvex h2913"))).as("the ROME code").hasSize(3);
        assertThat(titles(OfferFilter.none().withSearch("quorvex soudeuse"))).as("the ROME label (Soudeur / Soudeuse)").hasSize(3);
        assertThat(titles(OfferFilter.none().withSearch("orvex"))).as("not the middle of a word").isEmpty();
        assertThat(queries.count(OfferFilter.none().withSearch("quorv"))).isEqualTo(3);
        assertThat(queries.page(OfferFilter.none().withSearch("quorvex"), PageRequest.of(0, 50, Sort.by("created"))))
                .as("oldest first").extracting(OfferSummary::title)
                .containsExactly("Soudeur Quorvex", "Électricien Quorvexien", "Quorvex cuisinier");
        assertThat(queries.page(OfferFilter.none().withSearch("quorvex"), PageRequest.of(0, 50, Sort.by("title"))))
                .as("another sort").extracting(OfferSummary::title)
                .containsExactly("Électricien Quorvexien", "Quorvex cuisinier", "Soudeur Quorvex");
    }

    @Test
    void searchesCombineWithEveryFilterAndPageNewestFirst() {
        insert("21", "OPEN", IntStream.range(0, 120).mapToObj(i -> "Quorvex magasinier %03d".formatted(i)).toList());
        insert("75", "OPEN", IntStream.range(0, 30).mapToObj(i -> "Quorvex parisien %03d".formatted(i)).toList());
        insert("21", "CLOSED", List.of("Quorvex fermé"));
        var dijon = OfferFilter.none().withSearch("quorvex").withDisp("DISP DIJON");

        assertThat(titles(dijon)).hasSize(50).first().isEqualTo("Quorvex fermé");
        assertThat(queries.page(dijon.withStatuses(Set.of(OfferStatus.OPEN)), PageRequest.of(2, 50)))
                .extracting(OfferSummary::title).hasSize(20).startsWith("Quorvex magasinier 019").endsWith("Quorvex magasinier 000");
        assertThat(queries.count(dijon)).isEqualTo(121);
        assertThat(queries.count(dijon.withStatuses(Set.of(OfferStatus.CLOSED)))).isEqualTo(1);
        assertThat(queries.count(OfferFilter.none().withSearch("quorvex").withDisp("DISP PARIS"))).isEqualTo(30);
        var paris = new OfferFilter(null, Set.of(OfferStatus.OPEN), OfferType.POST_RELEASE_JOB, "H", "75", company, "quorvex");
        assertThat(titles(paris)).hasSize(30).first().isEqualTo("Quorvex parisien 029");
        assertThat(queries.count(paris)).isEqualTo(30);
        assertThat(queries.count(paris.withStatuses(Set.of(OfferStatus.CLOSED)))).isZero();
        assertThat(titles(new OfferFilter(null, Set.of(), null, "D", null, null, "quorvex"))).as("another ROME family").isEmpty();
    }

    @Test
    void anOfferWithTwoMatchingWordsIsFoundAndCountedOnce() {
        insert("21", "OPEN", List.of("Quorvex des Quorvexiens", "Quorvexa"));

        assertThat(titles(OfferFilter.none().withSearch("quorvex"))).containsExactly("Quorvexa", "Quorvex des Quorvexiens");
        assertThat(queries.count(OfferFilter.none().withSearch("quorvex"))).isEqualTo(2);
        assertThat(queries.count(OfferFilter.none().withSearch("quorvex").withDisp("DISP DIJON"))).isEqualTo(2);
    }

    @Test
    void theTermsFollowTheOfferItsCompanyAndItsDeclaration() {
        long offer = insert("21", "OPEN", List.of("Quorvex tourneur")).getFirst();

        jdbc.sql("update offer set title = 'Quorvex chaudronnier' where id = :id").param("id", offer).update();
        assertThat(titles(OfferFilter.none().withSearch("quorvex chaud"))).containsExactly("Quorvex chaudronnier");
        assertThat(titles(OfferFilter.none().withSearch("quorvex tourneur"))).isEmpty();

        jdbc.sql("update offer set status = 'FILLED' where id = :id").param("id", offer).update();
        var filled = OfferFilter.none().withSearch("quorvex").withStatuses(Set.of(OfferStatus.FILLED));
        assertThat(titles(filled)).containsExactly("Quorvex chaudronnier");
        assertThat(titles(filled.withStatuses(Set.of(OfferStatus.OPEN)))).isEmpty();

        jdbc.sql("update offer set department_code = '75', commune = null where id = :id").param("id", offer).update();
        assertThat(queries.count(OfferFilter.none().withSearch("quorvex").withDisp("DISP PARIS"))).as("its new DISP").isEqualTo(1);
        assertThat(queries.count(OfferFilter.none().withSearch("quorvex").withDisp("DISP DIJON"))).isZero();

        jdbc.sql("update company set trade_name = 'Zinguerie Ploumanac' where id = :id").param("id", company).update();
        assertThat(titles(OfferFilter.none().withSearch("ploumanac quorvex"))).as("the company renamed").hasSize(1);

        long declared = jdbc.sql("""
                        insert into offer (type, rome_code, title, positions, contract_type, department_code, start_date, source, status)
                        values ('POST_RELEASE_JOB', 'H2913', 'Quorvex déclaré', 1, 'CDI', '21', current_date, 'PORTAL',
                                'PENDING_VALIDATION') returning id""").query(Long.class).single();
        jdbc.sql("""
                insert into offer_declaration (offer_id, siret, legal_name, contact_last_name, contact_email, consented_at, consent_version)
                values (:id, :siret, 'Forges Kerbastard', 'Dupont', 'dupont@example.org', now(), '2026-12')""")
                .param("id", declared).param("siret", LuhnSirets.next()).update();
        assertThat(titles(OfferFilter.none().withSearch("kerbastard"))).as("the declared company's name").containsExactly("Quorvex déclaré");

        jdbc.sql("delete from offer where id = :id").param("id", declared).update();
        assertThat(jdbc.sql("select count(*) from offer_search_term where offer_id = :id").param("id", declared)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aPrefixStartingHundredsOfWordsIsSortedRatherThanMerged() {
        int many = PrefixSearch.MAXIMUM_EXPANDED_TERMS + 20;
        insert("21", "OPEN", IntStream.range(0, many).mapToObj(i -> "Quorvex%04d magasinier".formatted(i)).toList());

        List<OfferSummary> second = queries.page(OfferFilter.none().withSearch("quorvex"), PageRequest.of(1, 50));

        assertThat(second).hasSize(50).extracting(OfferSummary::title).first().isEqualTo("Quorvex%04d magasinier".formatted(many - 51));
        assertThat(queries.count(OfferFilter.none().withSearch("quorvex"))).isEqualTo(many);
        assertThat(queries.count(OfferFilter.none().withSearch("magasinier quorvex").withDisp("DISP DIJON"))).isEqualTo(many);
    }

    @Test
    void countsStopAtTenThousandAndOne() {
        insert("21", "OPEN", IntStream.range(0, 10_050).mapToObj(i -> "Quorvex cariste " + i).toList());

        assertThat(queries.count(OfferFilter.none().withSearch("quorvex cariste"))).isEqualTo(OfferQueries.COUNT_LIMIT);
        assertThat(queries.count(OfferFilter.none().withSearch("quorvex").withDisp("DISP DIJON"))).isEqualTo(OfferQueries.COUNT_LIMIT);
        assertThat(queries.count(OfferFilter.none().withSearch("quorvex cariste 1234"))).isEqualTo(1);
    }

    @Test
    void wordsShorterThanThreeCharactersDoNotFilterTheList() {
        long all = queries.count(OfferFilter.none());

        assertThat(queries.count(OfferFilter.none().withSearch("de"))).isEqualTo(all);
        assertThat(queries.page(OfferFilter.none().withSearch("é"), NEWEST_FIRST)).isEqualTo(queries.page(OfferFilter.none(), NEWEST_FIRST));
    }

    private List<String> titles(OfferFilter filter) {
        return queries.page(filter, NEWEST_FIRST).stream().map(OfferSummary::title).toList();
    }

    /** Welders' jobs of the company in that department and state, each a minute after the one before, in one statement. */
    private List<Long> insert(String department, String status, List<String> titles) {
        return jdbc.sql("""
                        insert into offer (company_id, type, rome_code, title, positions, contract_type, department_code, start_date,
                                           source, status, created_at)
                        select :company, 'POST_RELEASE_JOB', 'H2913', t.title, 1, 'CDI', :department, current_date, 'IMPORT', :status,
                               now() + make_interval(mins => cast((select count(*) from offer) + t.n as int))
                        from unnest(cast(:titles as text[])) with ordinality as t (title, n)
                        returning id""")
                .param("company", company).param("department", department).param("status", status)
                .param("titles", titles.toArray(String[]::new)).query(Long.class).list();
    }
}
