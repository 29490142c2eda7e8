package fr.passerelle.partner;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import fr.passerelle.partner.internal.SiretGenerator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** What keeps the companies list fast on a large register (see bin/benchmark-companies). */
@Transactional
class CompanyQueriesLimitsTest extends IntegrationTest {

    private static final PageRequest BY_NAME = PageRequest.of(0, 50, Sort.by("name"));

    @Autowired
    CompanyQueries queries;

    @Autowired
    JdbcClient jdbc;

    @Test
    void countsStopAtTenThousandAndOne() {
        insert(IntStream.range(0, 10_050).mapToObj(i -> "Ébénisterie Quorvex " + i).toList());

        assertThat(queries.count(CompanyFilter.none().withSearch("ebenisterie quorvex"))).isEqualTo(CompanyQueries.COUNT_LIMIT);
        assertThat(queries.count(CompanyFilter.none())).isEqualTo(CompanyQueries.COUNT_LIMIT);
        assertThat(queries.count(CompanyFilter.none().withSearch("ebenisterie quorvex 1234"))).isEqualTo(1);
    }

    @Test
    void searchIgnoresAccentsAndCaseAndSortsByNameAsIfUnaccented() {
        insert(List.of("Élagage Quorvex", "Quorvex Bâtiment", "Ateliers Quorvex Électricité", "Zinguerie Quorvex"));

        for (String typed : List.of("quorvex", "QUORVÉX", " Quorvex ")) {
            assertThat(queries.page(CompanyFilter.none().withSearch(typed), BY_NAME)).extracting(CompanySummary::legalName)
                    .as(typed)
                    .containsExactly("Ateliers Quorvex Électricité", "Élagage Quorvex", "Quorvex Bâtiment", "Zinguerie Quorvex");
        }
        for (String typed : List.of("electricite quorvex", "quorvex électricité", "ELEC QUORV")) {
            assertThat(queries.page(CompanyFilter.none().withSearch(typed), BY_NAME)).extracting(CompanySummary::legalName)
                    .as(typed).containsExactly("Ateliers Quorvex Électricité");
        }
        assertThat(queries.count(CompanyFilter.none().withSearch("quorvex"))).isEqualTo(4);
    }

    @Test
    void searchesCombineWithFiltersAndPageInNameOrder() {
        insert(IntStream.range(0, 120).mapToObj(i -> "Quorvex Logistique %03d".formatted(i)).toList());
        var filter = CompanyFilter.none().withSearch("quorvex").withDisp("DISP DIJON");

        List<CompanySummary> first = queries.page(filter, BY_NAME);
        List<CompanySummary> third = queries.page(filter, PageRequest.of(2, 50, Sort.by("name")));

        assertThat(first).hasSize(50).allSatisfy(c -> assertThat(c.dispCode()).isEqualTo("DISP DIJON"));
        assertThat(first.getFirst().legalName()).isEqualTo("Quorvex Logistique 000");
        assertThat(third).extracting(CompanySummary::legalName).first().isEqualTo("Quorvex Logistique 100");
        assertThat(queries.count(filter)).isEqualTo(120);
        assertThat(queries.count(filter.withDisp("DISP LYON"))).isZero();
    }

    @Test
    void filtersWithoutASearchPageInNameOrderToo() {
        insert(List.of("Zéphyr Quorvex", "Abeille Quorvex", "Écluse Quorvex"));
        var dijon = CompanyFilter.none().withDisp("DISP DIJON");

        List<String> names = queries.page(dijon, PageRequest.of(0, 1_000, Sort.by("name"))).stream().map(CompanySummary::legalName).toList();

        assertThat(names).contains("Abeille Quorvex", "Écluse Quorvex", "Zéphyr Quorvex");
        assertThat(names.indexOf("Abeille Quorvex")).isLessThan(names.indexOf("Écluse Quorvex"));
        assertThat(names.indexOf("Écluse Quorvex")).isLessThan(names.indexOf("Zéphyr Quorvex"));
        assertThat(queries.count(dijon)).isEqualTo(names.size());
        for (String sort : List.of("owner", "siret", "commune", "department", "disp", "stage", "updated")) {
            assertThat(queries.page(dijon.withSearch("quorvex"), PageRequest.of(0, 2, Sort.by(Sort.Order.desc(sort))))).as(sort).hasSize(2);
            assertThat(queries.page(dijon, PageRequest.of(1, 2, Sort.by(sort)))).as(sort).hasSize(2);
        }
    }

    @Test
    void searchFindsTheStartOfEveryWordOfTheNamesCommuneAndSiret() {
        insert(List.of("Hôtel du Lac Quorvex", "Hôtellerie Quorvex", "Motel Quorvex", "L’Œuvre Saint-Étienne Quorvex"));
        String siret = jdbc.sql("select siret from company where legal_name = 'Motel Quorvex'").query(String.class).single();
        jdbc.sql("update company set trade_name = 'Chez Zébulon', commune = 'Besançon' where legal_name = 'Hôtellerie Quorvex'").update();

        assertThat(names("hotel quorvex")).containsExactly("Hôtel du Lac Quorvex", "Hôtellerie Quorvex");
        assertThat(names("otel quorvex")).as("not the middle of a word").isEmpty();
        assertThat(names("zebulon")).containsExactly("Hôtellerie Quorvex");
        assertThat(names("besanc quorvex")).containsExactly("Hôtellerie Quorvex");
        assertThat(names("oeuvre saint-etienne")).containsExactly("L’Œuvre Saint-Étienne Quorvex");
        assertThat(names("etienne saint quorvex")).containsExactly("L’Œuvre Saint-Étienne Quorvex");
        assertThat(names(siret.substring(0, 9))).containsExactly("Motel Quorvex");
        assertThat(names(siret.substring(0, 3) + " " + siret.substring(3, 6) + " " + siret.substring(6, 9))).containsExactly("Motel Quorvex");
        assertThat(queries.page(CompanyFilter.none().withSearch("quorvex"), PageRequest.of(0, 2, Sort.by(Sort.Order.desc("name")))))
                .extracting(CompanySummary::legalName).containsExactly("Motel Quorvex", "L’Œuvre Saint-Étienne Quorvex");
    }

    @Test
    void renamingOrDeletingACompanyChangesWhatTheSearchFinds() {
        insert(List.of("Quorvex Transports"));

        jdbc.sql("update company set legal_name = 'Quorvex Déménagements' where legal_name = 'Quorvex Transports'").update();
        assertThat(names("transports quorvex")).isEmpty();
        assertThat(names("demenagements quorvex")).containsExactly("Quorvex Déménagements");

        jdbc.sql("update company set stage = 'CONTACTED' where legal_name = 'Quorvex Déménagements'").update();
        assertThat(names("demenagements quorvex")).containsExactly("Quorvex Déménagements");

        jdbc.sql("delete from company where legal_name = 'Quorvex Déménagements'").update();
        assertThat(names("quorvex")).isEmpty();
        assertThat(jdbc.sql("select count(*) from company_search_term where company_id not in (select id from company)")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCompanyWithTwoMatchingWordsIsFoundOnce() {
        insert(List.of("Quorvex des Quorvexiens", "Quorvexa"));

        assertThat(names("quorvex")).containsExactly("Quorvex des Quorvexiens", "Quorvexa");
        assertThat(queries.count(CompanyFilter.none().withSearch("quorvex"))).isEqualTo(2);
        assertThat(queries.count(CompanyFilter.none().withSearch("quorvex").withDisp("DISP DIJON"))).isEqualTo(2);
    }

    @Test
    void aPrefixStartingHundredsOfWordsIsSortedRatherThanMerged() {
        int many = fr.passerelle.base.PrefixSearch.MAXIMUM_EXPANDED_TERMS + 20;
        insert(IntStream.range(0, many).mapToObj(i -> "Quorvex%04d Services".formatted(many - i)).toList());

        List<CompanySummary> second = queries.page(CompanyFilter.none().withSearch("quorvex"), PageRequest.of(1, 50, Sort.by("name")));

        assertThat(second).extracting(CompanySummary::legalName).first().isEqualTo("Quorvex0051 Services");
        assertThat(second).hasSize(50);
        assertThat(queries.count(CompanyFilter.none().withSearch("quorvex"))).isEqualTo(many);
        assertThat(queries.count(CompanyFilter.none().withSearch("services quorvex"))).isEqualTo(many);
    }

    @Test
    void termsShorterThanThreeCharactersDoNotFilterTheList() {
        long all = queries.count(CompanyFilter.none());

        assertThat(queries.count(CompanyFilter.none().withSearch("du"))).isEqualTo(all);
        assertThat(queries.page(CompanyFilter.none().withSearch("é"), BY_NAME))
                .isEqualTo(queries.page(CompanyFilter.none(), BY_NAME));
    }

    private List<String> names(String typed) {
        return queries.page(CompanyFilter.none().withSearch(typed), BY_NAME).stream().map(CompanySummary::legalName).toList();
    }

    /** Companies of Côte-d'Or (DISP DIJON) with these names, in one statement. */
    private void insert(List<String> names) {
        String[] sirets = IntStream.range(0, names.size()).mapToObj(i -> SiretGenerator.siret(91_000_000 + i, 1)).toArray(String[]::new);
        jdbc.sql("""
                        insert into company (siret, legal_name, department_code)
                        select siret, name, '21' from unnest(cast(:sirets as text[]), cast(:names as text[])) as t (siret, name)
                        """)
                .param("sirets", sirets)
                .param("names", names.toArray(String[]::new))
                .update();
    }
}
