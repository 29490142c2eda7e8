package fr.passerelle.cohort.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import fr.passerelle.partner.Siret;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** The demo programmes and cohorts of the embedded default, checked on tables emptied in a rolled-back transaction. */
class CohortDemoSeederTest extends IntegrationTest {

    @Autowired
    CohortDemoSeeder seeder;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theEmbeddedDefaultStartsWithTheSeedProgrammesAndASecondRunAddsNothing() {
        assertThat(seeder.order()).as("after accounts, companies, offers and workshops").isEqualTo(500);
        assertThat(jdbc.sql("select title from programme where title in ('Un métier, une Chance', 'Formation aux métiers de la canalisation')")
                .query(String.class).list()).hasSize(2);
        long cohorts = count("select count(*) from cohort");
        assertThat(seeder.seed()).isZero();
        assertThat(count("select count(*) from cohort")).isEqualTo(cohorts);
    }

    @Test
    @Transactional
    void cohortsInSeveralDispWithParticipantsAtEveryStageAndThePipeLayingPartners() {
        jdbc.sql("delete from participant_read").update();
        jdbc.sql("delete from participant").update();
        jdbc.sql("delete from cohort").update();
        jdbc.sql("delete from programme").update();

        assertThat(seeder.seed()).isEqualTo(2 + 9 + 8 + 4 + 2 + 9);

        assertThat(jdbc.sql("select candidates_per_promotion || '/' || duration_weeks || '/' || cardinality(sectors) || '/' || one_promotion_per_year "
                + "from programme where title = 'Un métier, une Chance'").query(String.class).single()).isEqualTo("10/8/4/true");
        assertThat(count("select count(distinct disp_code) from cohort")).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select distinct state from cohort").query(String.class).list())
                .containsExactlyInAnyOrder("PLANNED", "RECRUITING", "IN_PROGRESS", "COMPLETED", "CANCELLED");
        assertThat(jdbc.sql("select distinct state from participant").query(String.class).list())
                .containsExactlyInAnyOrder("ENROLLED", "COMPLETED", "DROPPED");
        assertThat(jdbc.sql("select distinct release_outcome from participant where release_outcome is not null").query(String.class).list())
                .containsExactlyInAnyOrder("EMPLOYED", "IN_TRAINING", "JOB_SEEKING", "UNKNOWN");
        assertThat(count("select count(*) from participant where six_month_outcome is not null")).isPositive();
        assertThat(count("select count(*) from cohort where disp_code = 'DISP DIJON'")).isGreaterThanOrEqualTo(3);

        var pipes = jdbc.sql("""
                select c.capacity, c.disp_code, string_agg(distinct r.rome_code, ',') as trades
                from cohort c join cohort_rome_job r on r.cohort_id = c.id
                join programme p on p.id = c.programme_id where p.title = 'Formation aux métiers de la canalisation'
                group by c.id""").query((rs, n) -> rs.getInt(1) + "/" + rs.getString(2) + "/" + rs.getString(3)).single();
        assertThat(pipes).isEqualTo("9/DISP DIJON/F1603");
        assertThat(jdbc.sql("""
                select co.legal_name || ':' || cp.role from cohort_partner cp join company co on co.id = cp.company_id
                order by cp.role""").query(String.class).list())
                .containsExactly(CohortDemoSeeder.FEDERATION + ":FEDERATION", CohortDemoSeeder.REGION + ":FUNDER");
    }

    @Test
    void demoSiretsPassTheChecks() {
        for (int seed : new int[] {0, 42, -7, 123_456_789}) {
            assertThat(Siret.isValid(CohortDemoSeeder.demoSiret(seed))).as("seed " + seed).isTrue();
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
