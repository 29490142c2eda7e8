package fr.passerelle.cohort;

import static fr.passerelle.cohort.CohortFixtures.DIJON_ESTABLISHMENT;
import static fr.passerelle.cohort.CohortFixtures.cohort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.Translations;
import fr.passerelle.offer.CoverageMonth;
import fr.passerelle.offer.OfferMatch;
import fr.passerelle.offer.OfferSuggestion;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Suggestions and coverage for one cohort, from its own trades, establishment, participants and linked offers. */
class CohortOfferServiceTest extends IntegrationTest {

    @Autowired
    CohortService cohorts;
    @Autowired
    ParticipantService participants;
    @Autowired
    CohortOfferService cohortOffers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Translations translations;

    CohortFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CohortFixtures(jdbc, users);
    }

    @Test
    void suggestionsComeFromTheCohortsTradesAndItsParticipantsReturnDepartmentsAndLeaveLinkedOffersOut() {
        fixtures.signIn("referent");
        CohortDetails cohort = cohorts.create(cohort(null, fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2027, 5, 3)));
        long company = fixtures.company("Réseaux Touraine " + CohortFixtures.token());
        long nearHome = offer(company, "F1603", "37", 3);
        long otherTrade = offer(company, "K2204", "37", 1);
        long dropped = participants.enrol(cohort.id(), new ParticipantDraft("SPIP-" + CohortFixtures.token(), YearMonth.of(2027, 9), "86", false, null));
        participants.drop(dropped, "Transféré");

        assertThat(ids(cohortOffers.suggestions(cohort.id(), 100))).as("no participant returns to 37 yet").contains(nearHome)
                .doesNotContain(otherTrade);
        assertThat(explanation(cohortOffers.suggestions(cohort.id(), 100), nearHome)).doesNotContain("département de retour");

        participants.enrol(cohort.id(), new ParticipantDraft("SPIP-" + CohortFixtures.token(), YearMonth.of(2027, 9), "37", false, null));
        List<OfferSuggestion> found = cohortOffers.suggestions(cohort.id(), 100);
        OfferSuggestion home = found.stream().filter(s -> s.offer().id() == nearHome).findFirst().orElseThrow();
        assertThat(home.match().kind()).isEqualTo(OfferMatch.Kind.SAME_TRADE);
        assertThat(home.match().returnDepartment()).isEqualTo("37");
        assertThat(explanation(found, nearHome)).isEqualTo("même métier F1603 — département de retour 37");
        assertThat(found.stream().filter(s -> s.match().returnDepartment() != null).map(s -> s.match().returnDepartment()))
                .as("the dropped participant's department (86) does not count").containsOnly("37");

        cohortOffers.link(cohort.id(), nearHome);
        assertThat(ids(cohortOffers.suggestions(cohort.id(), 100))).doesNotContain(nearHome);
    }

    @Test
    void coverageSetsTheParticipantsReleasedEachMonthAgainstTheLinkedOffersPositions() {
        fixtures.signIn("referent");
        CohortDetails cohort = cohorts.create(cohort(null, fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2027, 5, 3)));
        YearMonth september = YearMonth.now().plusMonths(4);
        YearMonth october = september.plusMonths(1);
        for (int i = 0; i < 3; i++) {
            participants.enrol(cohort.id(), new ParticipantDraft("SPIP-" + CohortFixtures.token(), september, "21", false, null));
        }
        long dropped = participants.enrol(cohort.id(), new ParticipantDraft("SPIP-" + CohortFixtures.token(), october, "21", false, null));
        participants.enrol(cohort.id(), new ParticipantDraft("SPIP-" + CohortFixtures.token(), october, "21", false, null));
        participants.drop(dropped, "Transféré");
        assertThat(cohortOffers.coverage(cohort.id())).containsExactly(new CoverageMonth(september, 0, 0, 3),
                new CoverageMonth(october, 0, 0, 1));

        long company = fixtures.company("Couverture " + CohortFixtures.token());
        cohortOffers.link(cohort.id(), offer(company, "F1603", "21", 2));
        cohortOffers.link(cohort.id(), offer(company, "F1603", "21", 1));

        List<CoverageMonth> coverage = cohortOffers.coverage(cohort.id());
        assertThat(coverage).containsExactly(new CoverageMonth(september, 3, 0, 3), new CoverageMonth(october, 3, 0, 1));
        assertThat(coverage).allMatch(CoverageMonth::covered);
    }

    @Test
    void onlyThoseWhoMayChangeTheCohortGetItsSuggestionsAndCoverage() {
        fixtures.signIn("referent");
        CohortDetails cohort = cohorts.create(cohort(null, fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2027, 5, 3)));

        fixtures.signIn(fixtures.lyonReferent());
        assertThatThrownBy(() -> cohortOffers.suggestions(cohort.id(), 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cohortOffers.coverage(cohort.id())).isInstanceOf(AccessDeniedException.class);
        fixtures.signIn("communication");
        assertThatThrownBy(() -> cohortOffers.suggestions(cohort.id(), 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cohortOffers.coverage(cohort.id())).isInstanceOf(AccessDeniedException.class);
        fixtures.signIn("admin");
        assertThat(cohortOffers.coverage(cohort.id())).isEmpty();
    }

    private long offer(long companyId, String rome, String department, int positions) {
        return jdbc.sql("""
                        insert into offer (company_id, type, rome_code, title, positions, contract_type, department_code, start_date,
                                           source, status)
                        values (:company, 'POST_RELEASE_JOB', :rome, :title, :positions, 'CDI', :department, current_date, 'REFERENT', 'OPEN')
                        returning id""")
                .param("company", companyId).param("rome", rome).param("title", "Offre " + CohortFixtures.token())
                .param("positions", positions).param("department", department).query(Long.class).single();
    }

    private static List<Long> ids(List<OfferSuggestion> suggestions) {
        return suggestions.stream().map(s -> s.offer().id()).toList();
    }

    private String explanation(List<OfferSuggestion> suggestions, long offerId) {
        return suggestions.stream().filter(s -> s.offer().id() == offerId).findFirst().orElseThrow().match()
                .explanation((key, arguments) -> translations.getTranslation(key, Translations.FRENCH, arguments));
    }
}
