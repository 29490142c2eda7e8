package fr.passerelle.cohort;

import static fr.passerelle.cohort.CohortFixtures.DIJON_ESTABLISHMENT;
import static fr.passerelle.cohort.CohortFixtures.LYON_ESTABLISHMENT;
import static fr.passerelle.cohort.CohortFixtures.cohort;
import static fr.passerelle.cohort.CohortFixtures.programme;
import static fr.passerelle.cohort.CohortFixtures.withCapacity;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.DisplayFormats;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

class CohortRatesServiceTest extends IntegrationTest {

    @Autowired
    CohortService cohorts;
    @Autowired
    ProgrammeService programmes;
    @Autowired
    CohortRatesService rates;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    CohortFixtures fixtures;
    RatesFixtures ratesFixtures;
    /** This month's first day: release months are set around it. */
    LocalDate month;

    @BeforeEach
    void setUp() {
        fixtures = new CohortFixtures(jdbc, users);
        month = DisplayFormats.today().withDayOfMonth(1);
        ratesFixtures = new RatesFixtures(jdbc, fixtures, cohorts);
    }

    private long dijonCohortAtEveryStage(@Nullable Long programmeId) {
        return ratesFixtures.dijonCohortAtEveryStage(programmeId);
    }

    private long lyonCohort(long programmeId) {
        fixtures.signIn("admin");
        long id = cohorts.create(withCapacity(cohort(programmeId, fixtures.establishment(LYON_ESTABLISHMENT), LocalDate.of(2025, 9, 1)), 10)).id();
        ratesFixtures.lyonParticipants(id);
        return id;
    }

    private void participant(long cohortId, String state, boolean certified, LocalDate releaseMonth, @Nullable String atRelease,
                             @Nullable String atSixMonths) {
        ratesFixtures.participant(cohortId, state, certified, releaseMonth, atRelease, atSixMonths);
    }

    @Test
    void everyRateOfACohortCountsItsParticipantsExactly() {
        long id = dijonCohortAtEveryStage(null);

        CohortRates r = rates.cohort(id).orElseThrow();

        assertThat(r.restricted()).isFalse();
        assertThat(r.fill()).isEqualTo(Rate.of(8, 12));
        assertThat(r.fill().percent()).isEqualTo(67);
        assertThat(r.completion()).as("completed of those who left: 7 completed, 1 dropped").isEqualTo(Rate.of(7, 8));
        assertThat(r.inTraining()).isEqualTo(Rate.of(1, 9));
        assertThat(r.certification()).isEqualTo(Rate.of(5, 7));
        assertThat(r.releaseEmployed()).as("due: release month come, or outcome recorded").isEqualTo(Rate.of(2, 6));
        assertThat(r.releaseUnknown()).isEqualTo(Rate.of(1, 6));
        assertThat(r.releaseUnrecorded()).isEqualTo(Rate.of(1, 6));
        assertThat(r.sixMonthEmployed()).isEqualTo(Rate.of(1, 3));
        assertThat(r.sixMonthUnknown()).isEqualTo(Rate.of(1, 3));
        assertThat(r.sixMonthUnrecorded()).isEqualTo(Rate.of(1, 3));
        assertThat(r.noParticipant()).isFalse();
    }

    @Test
    void aCohortWithoutParticipantsHasOnlyItsFillRateAndNoDivisionByZero() {
        fixtures.signIn("referent");
        long id = cohorts.create(withCapacity(cohort(null, fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2027, 1, 4)), 5)).id();

        CohortRates r = rates.cohort(id).orElseThrow();

        assertThat(r.noParticipant()).isTrue();
        assertThat(r.fill()).isEqualTo(Rate.of(0, 5));
        assertThat(r.fill().empty()).isFalse();
        for (Rate rate : List.of(r.completion(), r.certification(), r.releaseEmployed(), r.releaseUnknown(), r.sixMonthEmployed(),
                r.sixMonthUnrecorded())) {
            assertThat(rate.empty()).isTrue();
            assertThat(rate.percent()).isZero();
        }
        assertThat(rates.cohort(-1)).isEmpty();
    }

    @Test
    void aProgrammeAddsUpItsCohortsButNotTheCancelledOnes() {
        fixtures.signIn("admin");
        long programme = programmes.create(programme(false)).id();
        long dijon = dijonCohortAtEveryStage(programme);
        long lyon = lyonCohort(programme);
        long empty = cohorts.create(withCapacity(cohort(programme, fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2027, 3, 1)), 5)).id();
        long cancelled = cohorts.create(withCapacity(cohort(programme, fixtures.establishment(LYON_ESTABLISHMENT), LocalDate.of(2024, 3, 1)), 8)).id();
        participant(cancelled, "COMPLETED", true, month.minusMonths(9), "EMPLOYED", "EMPLOYED");
        cohorts.transition(cancelled, CohortState.CANCELLED, "Formateur indisponible");

        ProgrammeRates totals = rates.programme(programme);

        assertThat(totals.cohorts()).isEqualTo(3);
        CohortRates t = totals.totals();
        assertThat(t.restricted()).isFalse();
        assertThat(t.fill()).isEqualTo(Rate.of(12, 27));
        assertThat(t.completion()).isEqualTo(Rate.of(11, 12));
        assertThat(t.inTraining()).isEqualTo(Rate.of(1, 13));
        assertThat(t.certification()).isEqualTo(Rate.of(9, 11));
        assertThat(t.releaseEmployed()).isEqualTo(Rate.of(6, 10));
        assertThat(t.releaseUnknown()).isEqualTo(Rate.of(1, 10));
        assertThat(t.releaseUnrecorded()).isEqualTo(Rate.of(1, 10));
        assertThat(t.sixMonthEmployed()).isEqualTo(Rate.of(4, 7));
        assertThat(t.sixMonthUnknown()).isEqualTo(Rate.of(1, 7));
        assertThat(t.sixMonthUnrecorded()).isEqualTo(Rate.of(1, 7));

        List<CohortRatesRow> rows = rates.programmeCohorts(programme, PageRequest.of(0, 50));
        assertThat(rows).extracting(CohortRatesRow::cohortId).as("latest planned start first, the cancelled one too")
                .containsExactly(empty, dijon, lyon, cancelled);
        assertThat(rows.get(0).rates().noParticipant()).isTrue();
        assertThat(rows.get(1).rates().releaseEmployed()).isEqualTo(Rate.of(2, 6));
        assertThat(rows.get(2).rates().sixMonthEmployed()).isEqualTo(Rate.of(3, 4));
        assertThat(rows.get(3).state()).isEqualTo(CohortState.CANCELLED);
        assertThat(rates.programmeCohorts(programme, PageRequest.of(1, 3))).extracting(CohortRatesRow::cohortId).containsExactly(cancelled);
        assertThat(rates.programmeCohorts(programme, PageRequest.of(0, 2, Sort.by("disp"))))
                .extracting(CohortRatesRow::dispCode).containsExactly("DISP DIJON", "DISP DIJON");
    }

    @Test
    void aProgrammeWithoutCohortsHasNothingToMeasure() {
        fixtures.signIn("admin");
        long programme = programmes.create(programme(false)).id();

        ProgrammeRates totals = rates.programme(programme);

        assertThat(totals.cohorts()).isZero();
        assertThat(totals.totals().fill().empty()).isTrue();
        assertThat(totals.totals().noParticipant()).isTrue();
        assertThat(rates.programmeCohorts(programme, PageRequest.of(0, 50))).isEmpty();
    }

    @Test
    void communicationAndAnotherDispsReferentGetRatesWithoutGroupsOfOneOrTwo() {
        long id = dijonCohortAtEveryStage(null);

        for (String outsider : List.of("communication", fixtures.lyonReferent())) {
            fixtures.signIn(outsider);
            CohortRates r = rates.cohort(id).orElseThrow();
            assertThat(r.restricted()).as(outsider).isTrue();
            assertThat(r.fill()).as("places, not people").isEqualTo(Rate.of(8, 12));
            assertThat(List.of(r.completion(), r.inTraining(), r.certification(), r.releaseEmployed(), r.releaseUnknown(),
                    r.releaseUnrecorded(), r.sixMonthEmployed(), r.sixMonthUnknown(), r.sixMonthUnrecorded()))
                    .as("7 of 8 leaves one, 5 of 7 two, 2 of 6 two: every one shows a group of one or two")
                    .allSatisfy(rate -> assertThat(rate).isEqualTo(new Rate(0, 0, true)));
        }
        fixtures.signIn("referent");
        assertThat(rates.cohort(id).orElseThrow().restricted()).as("a referent of the cohort's DISP").isFalse();
    }

    @Test
    void programmeTotalsAreFullOnlyForWhoMaySeeEveryCohortsParticipants() {
        fixtures.signIn("admin");
        long programme = programmes.create(programme(false)).id();
        long dijon = dijonCohortAtEveryStage(programme);
        long lyon = lyonCohort(programme);

        fixtures.signIn("communication");
        CohortRates t = rates.programme(programme).totals();
        assertThat(t.restricted()).isTrue();
        assertThat(t.fill()).isEqualTo(Rate.of(12, 22));
        assertThat(t.releaseEmployed()).as("6 of 10: groups of 6 and 4").isEqualTo(Rate.of(6, 10));
        assertThat(t.sixMonthEmployed()).as("4 of 7: groups of 4 and 3").isEqualTo(Rate.of(4, 7));
        assertThat(t.certification()).as("9 of 11 leaves two").isEqualTo(new Rate(0, 0, true));
        assertThat(t.releaseUnknown().withheld()).isTrue();

        fixtures.signIn("referent");
        assertThat(rates.programme(programme).totals().restricted()).as("a Lyon cohort in the programme").isTrue();
        List<CohortRatesRow> rows = rates.programmeCohorts(programme, PageRequest.of(0, 50));
        assertThat(rows).extracting(CohortRatesRow::cohortId).containsExactly(dijon, lyon);
        assertThat(rows.get(0).rates().restricted()).isFalse();
        assertThat(rows.get(1).rates().restricted()).isTrue();
        assertThat(rows.get(1).rates().releaseEmployed()).as("4 of 4").isEqualTo(Rate.of(4, 4));
        assertThat(rows.get(1).rates().sixMonthEmployed()).as("3 of 4 leaves one").isEqualTo(new Rate(0, 0, true));

        fixtures.signIn("admin");
        long dijonOnly = programmes.create(programme(false)).id();
        dijonCohortAtEveryStage(dijonOnly);
        fixtures.signIn("referent");
        assertThat(rates.programme(dijonOnly).totals().restricted()).as("every cohort in the referent's DISP").isFalse();
    }
}
