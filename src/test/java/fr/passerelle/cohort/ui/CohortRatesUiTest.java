package fr.passerelle.cohort.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static fr.passerelle.cohort.CohortFixtures.DIJON_ESTABLISHMENT;
import static fr.passerelle.cohort.CohortFixtures.cohort;
import static fr.passerelle.cohort.CohortFixtures.programme;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.tabs.TabSheet;
import fr.passerelle.KaribuTest;
import fr.passerelle.cohort.CohortFixtures;
import fr.passerelle.cohort.CohortRatesRow;
import fr.passerelle.cohort.CohortService;
import fr.passerelle.cohort.ProgrammeService;
import fr.passerelle.cohort.RatesFixtures;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

class CohortRatesUiTest extends KaribuTest {

    @Autowired
    CohortService cohorts;
    @Autowired
    ProgrammeService programmes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    CohortFixtures fixtures;
    RatesFixtures rates;

    @BeforeEach
    void setUp() {
        fixtures = new CohortFixtures(jdbc, users);
        rates = new RatesFixtures(jdbc, fixtures, cohorts);
    }

    @Test
    void theCohortsReferentReadsEveryRateWithItsCountsInWordsAndBars() {
        long id = rates.dijonCohortAtEveryStage(null);
        signIn("referent");
        UI.getCurrent().navigate("cohortes/" + id);
        selectResults();

        String text = _get(RatesPanel.class).getElement().getTextRecursively();
        assertThat(text).contains("Remplissage", "8 inscrits sur 12 places · 67\u00a0%",
                "Participants inscrits (sans ceux qui ont abandonné), rapportés aux places de la cohorte.",
                "7 sur 8 l’ont terminée · 88\u00a0%", "Encore en formation, non comptés : 1 sur 9 participants.",
                "5 certifiés sur 7 · 71\u00a0%",
                "Emploi à la sortie", "2 en emploi sur 6 · 33\u00a0%", "Situation inconnue : 1 sur 6",
                "Situation pas encore renseignée : 1 sur 6",
                "Emploi à six mois", "1 en emploi sur 3 · 33\u00a0%", "Situation inconnue : 1 sur 3");
        assertThat(text).doesNotContain("Non affiché");
        List<ProgressBar> bars = _find(_get(RatesPanel.class), ProgressBar.class);
        assertThat(bars).hasSize(5);
        assertThat(bars.getFirst().getValue()).isEqualTo(8 / 12.0);
        assertThat(bars.getFirst().getElement().getAttribute("aria-label")).isEqualTo("Remplissage : 8 inscrits sur 12 places · 67\u00a0%");
    }

    @Test
    void communicationSeesTheFillRateButNoGroupOfOneOrTwoAndNoParticipant() {
        long id = rates.dijonCohortAtEveryStage(null);
        List<String> codes = jdbc.sql("select code from participant where cohort_id = :id").param("id", id).query(String.class).list();
        signIn("communication");
        UI.getCurrent().navigate("cohortes/" + id);
        selectResults();

        String text = _get(RatesPanel.class).getElement().getTextRecursively();
        assertThat(text).contains("8 inscrits sur 12 places · 67\u00a0%",
                "Non affiché : ce taux laisserait voir un groupe de moins de 3 personnes.",
                "Situation inconnue : non affiché (moins de 3 personnes).",
                "Vous ne voyez pas les participants de ces cohortes");
        assertThat(text).doesNotContain("7 sur 8", "certifiés sur", "en emploi sur");
        assertThat(_find(_get(RatesPanel.class), ProgressBar.class)).hasSize(1);
        assertThat(_get(CohortView.class).getElement().getTextRecursively()).doesNotContain(codes);
    }

    @Test
    void aCohortWithoutParticipantsSaysThereIsNothingToMeasureYet() {
        signIn("referent");
        long id = cohorts.create(cohort(null, fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2027, 5, 3))).id();
        UI.getCurrent().navigate("cohortes/" + id);
        selectResults();

        assertThat(_get(RatesPanel.class).getElement().getTextRecursively()).contains("0 inscrits sur 9 places · 0\u00a0%",
                "Aucun participant inscrit : les taux de formation, de certification et d’emploi apparaîtront avec les premiers inscrits.");
    }

    @Test
    void theProgrammePageShowsTheTotalsAndEachCohortsRates() {
        signIn("admin");
        long programme = programmes.create(programme(false)).id();
        long first = rates.dijonCohortAtEveryStage(programme);
        long empty = cohorts.create(cohort(programme, fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2027, 9, 6))).id();
        signIn("admin");
        UI.getCurrent().navigate("programmes/" + programme);

        ProgrammeRatesSection section = _get(ProgrammeRatesSection.class);
        assertThat(section.getElement().getTextRecursively()).contains("Résultats du programme",
                "Total des 2 cohortes non annulées du programme.", "8 inscrits sur 21 places · 38\u00a0%", "2 en emploi sur 6 · 33\u00a0%");
        assertThat(GridKt._findAll(section.byCohort)).extracting(CohortRatesRow::cohortId).containsExactly(empty, first);
        assertThat(GridKt._getFormattedRow(section.byCohort, 1)).contains("67\u00a0% (8 sur 12)", "88\u00a0% (7 sur 8)", "71\u00a0% (5 sur 7)",
                "33\u00a0% (2 sur 6)", "33\u00a0% (1 sur 3)");
        assertThat(GridKt._getFormattedRow(section.byCohort, 0)).contains("0\u00a0% (0 sur 9)", "–");
    }

    @Test
    void communicationSeesTheProgrammesResultsWithoutGroupsOfOneOrTwo() {
        signIn("admin");
        long programme = programmes.create(programme(false)).id();
        rates.dijonCohortAtEveryStage(programme);
        signIn("communication");
        UI.getCurrent().navigate("programmes/" + programme);

        ProgrammeRatesSection section = _get(ProgrammeRatesSection.class);
        assertThat(section.getElement().getTextRecursively()).contains("8 inscrits sur 12 places", "Non affiché")
                .doesNotContain("2 en emploi sur 6");
        assertThat(GridKt._getFormattedRow(section.byCohort, 0)).contains("67\u00a0% (8 sur 12)", "non affiché")
                .doesNotContain("88\u00a0% (7 sur 8)");
    }

    private static void selectResults() {
        TabSheet tabs = _get(TabSheet.class, spec -> spec.withClasses("cohort-tabs"));
        for (int i = 0; i < tabs.getTabCount(); i++) {
            if (tabs.getTabAt(i).getLabel().equals("Résultats")) {
                tabs.setSelectedIndex(i);
                return;
            }
        }
        throw new AssertionError("no results tab");
    }
}
