package fr.passerelle.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.Translations;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Suggestions on real ROME trades and real communes: a plumbing cohort (F1603, a trade of the F16 family) trained at
 * the Maison d'arrêt de Dijon. Other tests' offers share the database, so each test looks at its own offers only.
 */
class OfferSuggestionsTest extends IntegrationTest {

    @Autowired
    OfferSuggestions suggestions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Translations translations;

    OfferFixtures fixtures;
    long company;
    long dijon;
    long nevers;

    @BeforeEach
    void fixtures() {
        fixtures = new OfferFixtures(jdbc, users);
        company = fixtures.company("Réseaux et Canalisations de Bourgogne", "21");
        dijon = establishment("MA DIJON");
        nevers = establishment("MA NEVERS");
        fixtures.signIn("referent");
    }

    @Test
    void aPlumbingCohortGetsItsTradeFirstNearestFirstThenItsFamilyWithTheReasonInWords() {
        long chalon = job("F1603", "Plombier – Chalon", "Chalon-sur-Saône", "71");
        long beaune = job("F1603", "Plombier – Beaune", "Beaune", "21");
        long saintEtienne = job("F1603", "Plombier – Saint-Étienne", "saint etienne", "42");
        long unknownCommune = job("F1603", "Plombier – Nièvre", "Les Bordes-sur-Rien", "58");
        long workshop = workshop("F1603", "Atelier plomberie", nevers, dijon);
        long chenove = job("F1602", "Électricien du bâtiment – Chenôve", "Chenôve", "21");
        long montbard = job("F1601", "Plâtrier – Montbard", "Montbard", "21");
        long chateauRenault = job("F1604", "Plaquiste – Château-Renault", "Château-Renault", "37");
        long kitchen = job("G1602", "Commis de cuisine – Dijon", "Dijon", "21");
        long formwork = job("F1701", "Coffreur – Dijon", "Dijon", "21");
        Set<Long> mine = Set.of(chalon, beaune, saintEtienne, unknownCommune, workshop, chenove, montbard, chateauRenault,
                kitchen, formwork);

        List<OfferSuggestion> found = mine(suggestions.suggest(request(Set.of(), Set.of())), mine);

        assertThat(found).extracting(s -> s.offer().id())
                .as("F1603 before the other F16 trades, each nearest first; other families never")
                .containsExactly(workshop, beaune, chalon, unknownCommune, saintEtienne, chenove, montbard, chateauRenault);
        assertThat(found).extracting(s -> s.match().explanation(this::french)).containsExactly(
                "même métier F1603 — 0 km",
                "même métier F1603 — 37 km",
                "même métier F1603 — 62 km",
                "même métier F1603 — 147 km (département 58)",
                "même métier F1603 — 218 km",
                "même famille F16 — 5 km",
                "même famille F16 — 63 km",
                "même famille F16 — 311 km");
        assertThat(found.get(1).offer().title()).isEqualTo("Plombier – Beaune");
        assertThat(found.get(1).match()).isEqualTo(new OfferMatch(OfferMatch.Kind.SAME_TRADE, "F1603", 37, null, null));
    }

    @Test
    void anOfferInADepartmentParticipantsReturnToRanksByItsDistanceToThatDepartmentsCentre() {
        long chenove = job("F1602", "Électricien – Chenôve", "Chenôve", "21");
        long montbard = job("F1601", "Plâtrier – Montbard", "Montbard", "21");
        long chateauRenault = job("F1604", "Plaquiste – Château-Renault", "Château-Renault", "37");

        List<OfferSuggestion> found = mine(suggestions.suggest(request(Set.of("37"), Set.of())),
                Set.of(chenove, montbard, chateauRenault));

        assertThat(found).extracting(s -> s.offer().id()).as("27 km from Tours, the centre of department 37")
                .containsExactly(chenove, chateauRenault, montbard);
        assertThat(found.get(1).match().explanation(this::french)).isEqualTo("même famille F16 — département de retour 37");
        assertThat(found.get(1).match().distanceKm()).as("still measured from the establishment").isEqualTo(311);
        assertThat(found.get(1).match().explanation((key, arguments) -> translations.getTranslation(key, Translations.ENGLISH, arguments)))
                .isEqualTo("same family F16 — return department 37");
    }

    @Test
    void closedExpiredEndedPendingAndAlreadyLinkedOffersAreNeverSuggested() {
        long open = job("F1603", "Plombier – ouvert", "Dijon", "21");
        long linked = job("F1603", "Plombier – déjà lié", "Dijon", "21");
        long closed = job("F1603", "Plombier – clôturé", "Dijon", "21");
        long expired = job("F1603", "Plombier – expiré", "Dijon", "21");
        long filled = job("F1603", "Plombier – pourvu", "Dijon", "21");
        long pending = job("F1603", "Plombier – à valider", "Dijon", "21");
        long ended = job("F1603", "Plombier – terminé hier", "Dijon", "21");
        jdbc.sql("update offer set status = 'CLOSED' where id = :id").param("id", closed).update();
        jdbc.sql("update offer set status = 'EXPIRED' where id = :id").param("id", expired).update();
        jdbc.sql("update offer set status = 'FILLED' where id = :id").param("id", filled).update();
        jdbc.sql("update offer set status = 'PENDING_VALIDATION' where id = :id").param("id", pending).update();
        jdbc.sql("update offer set start_date = current_date - 30, end_date = current_date - 1 where id = :id")
                .param("id", ended).update();

        List<OfferSuggestion> found = suggestions.suggest(request(Set.of(), Set.of(linked)));

        assertThat(found).extracting(s -> s.offer().id()).contains(open)
                .doesNotContain(linked, closed, expired, filled, pending, ended);
        assertThat(found).allSatisfy(s -> assertThat(s.offer().status()).isEqualTo(OfferStatus.OPEN));
    }

    @Test
    void aCommuneTypedWithoutAccentsHyphensOrSaintInFullIsFoundInItsDepartment() {
        long typed = job("F1603", "Plombier", "ST-ETIENNE", "42");
        long lower = job("F1603", "Plombier", "saint etienne", "42");
        long otherDepartment = job("F1603", "Plombier", "Saint-Étienne", "43");
        long unknown = job("F1603", "Plombier", "Saint-Étienne-des-Nuages", "42");
        long none = job("F1603", "Plombier", null, "42");

        assertThat(communeCode(typed)).isEqualTo("42218");
        assertThat(communeCode(lower)).isEqualTo("42218");
        assertThat(communeCode(otherDepartment)).as("not a commune of department 43").isNull();
        assertThat(communeCode(unknown)).isNull();
        assertThat(communeCode(none)).isNull();
        assertThat(point(unknown)).as("the prefecture of the Loire, Saint-Étienne").isEqualTo(point(typed));

        jdbc.sql("update offer set commune = 'Montbrison' where id = :id").param("id", unknown).update();
        assertThat(communeCode(unknown)).as("derived again when the commune changes").isEqualTo("42147");
    }

    @Test
    void coverageCountsEachOfferForTheMonthsBetweenItsStartAndEndDates() {
        long winter = job("F1603", "Plombier – hiver", "Dijon", "21");
        long fromFebruary = job("F1603", "Plombier – dès février", "Dijon", "21");
        long january = job("F1603", "Plombier – janvier", "Dijon", "21");
        long closed = job("F1603", "Plombier – clôturé", "Dijon", "21");
        dates(winter, "2027-01-15", "2027-03-10", 3, "OPEN");
        dates(fromFebruary, "2027-02-01", null, 2, "OPEN");
        dates(january, "2027-01-01", "2027-01-31", 1, "FILLED");
        dates(closed, "2027-01-01", null, 5, "CLOSED");
        Map<YearMonth, Integer> releases = new LinkedHashMap<>();
        releases.put(YearMonth.of(2027, 5), 3);
        releases.put(YearMonth.of(2026, 12), 1);
        releases.put(YearMonth.of(2027, 1), 4);
        releases.put(YearMonth.of(2027, 3), 2);

        List<CoverageMonth> coverage = suggestions.coverage(List.of(winter, fromFebruary, january, closed), releases);

        assertThat(coverage).containsExactly(
                new CoverageMonth(YearMonth.of(2026, 12), 0, 0, 1),
                new CoverageMonth(YearMonth.of(2027, 1), 3, 1, 4),
                new CoverageMonth(YearMonth.of(2027, 3), 5, 0, 2),
                new CoverageMonth(YearMonth.of(2027, 5), 2, 0, 3));
        assertThat(coverage).extracting(CoverageMonth::covered).containsExactly(false, false, true, false);
        assertThat(suggestions.coverage(List.of(), Map.of(YearMonth.of(2027, 1), 2)))
                .containsExactly(new CoverageMonth(YearMonth.of(2027, 1), 0, 0, 2));
    }

    @Test
    void onlyAdministratorsAndReferentsAskForSuggestions() {
        fixtures.signIn("communication");
        assertThatThrownBy(() -> suggestions.suggest(request(Set.of(), Set.of()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> suggestions.coverage(List.of(), Map.of())).isInstanceOf(AccessDeniedException.class);
        fixtures.signIn("admin");
        assertThatThrownBy(() -> suggestions.suggest(new SuggestionRequest(List.of("F1603"), -1, Set.of(), Set.of(), 20)))
                .isInstanceOf(OfferException.class);
        assertThatThrownBy(() -> new SuggestionRequest(List.of(), dijon, Set.of(), Set.of(), 20))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private SuggestionRequest request(Set<String> returnDepartments, Set<Long> linked) {
        return new SuggestionRequest(List.of("F1603"), dijon, returnDepartments, linked, SuggestionRequest.MAX_LIMIT);
    }

    /** This test's offers among the suggestions, in their order. */
    private static List<OfferSuggestion> mine(List<OfferSuggestion> found, Set<Long> mine) {
        return new ArrayList<>(found.stream().filter(s -> mine.contains(s.offer().id())).toList());
    }

    private String french(String key, Object[] arguments) {
        return translations.getTranslation(key, Translations.FRENCH, arguments);
    }

    private long establishment(String code) {
        return jdbc.sql("select id from establishment where code = :code").param("code", code).query(Long.class).single();
    }

    /** An open job at release, from today for six months. */
    private long job(String rome, String title, @Nullable String commune, String department) {
        LocalDate today = LocalDate.now();
        return jdbc.sql("""
                        insert into offer (company_id, type, rome_code, title, positions, contract_type, commune, department_code,
                                           start_date, end_date, source, status)
                        values (:company, 'POST_RELEASE_JOB', :rome, :title, 1, 'CDI', :commune, :department, :start, :end,
                                'REFERENT', 'OPEN') returning id""")
                .param("company", company).param("rome", rome).param("title", title).param("commune", commune)
                .param("department", department).param("start", today).param("end", today.plusMonths(6))
                .query(Long.class).single();
    }

    /** Open workshop jobs in these establishments (written with them in one transaction, as the service does). */
    private long workshop(String rome, String title, long... establishments) {
        return transactions.execute(status -> {
            long id = jdbc.sql("""
                            insert into offer (company_id, type, rome_code, title, positions, contract_type, start_date, source, status)
                            values (:company, 'WORKSHOP_JOBS', :rome, :title, 6, 'PRISON_EMPLOYMENT', current_date, 'REFERENT', 'OPEN')
                            returning id""")
                    .param("company", company).param("rome", rome).param("title", title).query(Long.class).single();
            for (long establishment : establishments) {
                jdbc.sql("insert into offer_establishment (offer_id, establishment_id) values (:offer, :establishment)")
                        .param("offer", id).param("establishment", establishment).update();
            }
            return id;
        });
    }

    private void dates(long offer, String start, @Nullable String end, int positions, String status) {
        jdbc.sql("""
                        update offer set start_date = cast(:start as date), end_date = cast(:end as date), positions = :positions,
                                         status = :status where id = :id""")
                .param("start", start).param("end", end).param("positions", positions).param("status", status).param("id", offer)
                .update();
    }

    private @Nullable String communeCode(long offer) {
        return jdbc.sql("select commune_code from offer where id = :id").param("id", offer).query(String.class).list().getFirst();
    }

    private String point(long offer) {
        return jdbc.sql("select latitude || ' ' || longitude from offer where id = :id").param("id", offer).query(String.class).single();
    }
}
