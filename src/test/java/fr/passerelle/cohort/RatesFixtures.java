package fr.passerelle.cohort;

import static fr.passerelle.cohort.CohortFixtures.DIJON_ESTABLISHMENT;
import static fr.passerelle.cohort.CohortFixtures.cohort;
import static fr.passerelle.cohort.CohortFixtures.withCapacity;

import fr.passerelle.base.DisplayFormats;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Participants at known stages, written straight into the database, for the rates' tests. */
public final class RatesFixtures {

    private final JdbcClient jdbc;
    private final CohortFixtures fixtures;
    private final CohortService cohorts;
    /** This month's first day: release months are set around it. */
    private final LocalDate month = DisplayFormats.today().withDayOfMonth(1);

    public RatesFixtures(JdbcClient jdbc, CohortFixtures fixtures, CohortService cohorts) {
        this.jdbc = jdbc;
        this.fixtures = fixtures;
        this.cohorts = cohorts;
    }

    /**
     * A Dijon cohort of 12 places (created as the administrator) with nine participants at every stage: fill 8 of 12,
     * completion 7 of 8 (one still in training of 9), certification 5 of 7, employed at release 2 of 6 (1 unknown,
     * 1 not recorded), at six months 1 of 3 (1 unknown, 1 not recorded).
     */
    public long dijonCohortAtEveryStage(@Nullable Long programmeId) {
        fixtures.signIn("admin");
        long id = cohorts.create(withCapacity(cohort(programmeId, fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2026, 1, 5)), 12)).id();
        participant(id, "ENROLLED", false, month.plusMonths(3), null, null);
        participant(id, "DROPPED", false, month.minusMonths(7), null, null);
        participant(id, "COMPLETED", true, month.minusMonths(7), "EMPLOYED", "EMPLOYED");
        participant(id, "COMPLETED", true, month.minusMonths(7), "JOB_SEEKING", "UNKNOWN");
        participant(id, "COMPLETED", false, month.minusMonths(1), "UNKNOWN", null);
        participant(id, "COMPLETED", true, month, null, null);
        participant(id, "COMPLETED", false, month.plusMonths(2), null, null);
        // Recorded before the release month: due as soon as it is recorded.
        participant(id, "COMPLETED", true, month.plusMonths(1), "IN_TRAINING", null);
        participant(id, "COMPLETED", true, month.minusMonths(8), "EMPLOYED", null);
        return id;
    }

    /** Four participants who completed, certified, employed at release, three still at six months. */
    public void lyonParticipants(long cohortId) {
        participant(cohortId, "COMPLETED", true, month.minusMonths(7), "EMPLOYED", "EMPLOYED");
        participant(cohortId, "COMPLETED", true, month.minusMonths(7), "EMPLOYED", "EMPLOYED");
        participant(cohortId, "COMPLETED", true, month.minusMonths(7), "EMPLOYED", "EMPLOYED");
        participant(cohortId, "COMPLETED", true, month.minusMonths(7), "EMPLOYED", "JOB_SEEKING");
    }

    public void participant(long cohortId, String state, boolean certified, LocalDate releaseMonth, @Nullable String atRelease,
                            @Nullable String atSixMonths) {
        jdbc.sql("""
                        insert into participant (cohort_id, code, release_month, state, drop_reason, certification_obtained,
                                                 release_outcome, release_contract_type, six_month_outcome, six_month_contract_type)
                        values (:cohort, :code, :month, :state, case when :state = 'DROPPED' then 'Transfert' end, :certified,
                                :release, case when :release = 'EMPLOYED' then 'CDI' end,
                                :six, case when :six = 'EMPLOYED' then 'CDD' end)""")
                .param("cohort", cohortId).param("code", "P-" + CohortFixtures.token()).param("month", releaseMonth)
                .param("state", state).param("certified", certified).param("release", atRelease).param("six", atSixMonths).update();
    }
}
