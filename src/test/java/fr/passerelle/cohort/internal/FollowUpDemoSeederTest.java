package fr.passerelle.cohort.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** The demo participants' follow-up tasks, checked on tables emptied in a rolled-back transaction. */
class FollowUpDemoSeederTest extends IntegrationTest {

    @Autowired
    FollowUpDemoSeeder seeder;
    @Autowired
    JdbcClient jdbc;

    @Test
    @Transactional
    void followedDemoParticipantsGetTheirTwoTasksOnceDoneWhenTheOutcomeIsKnown() {
        assertThat(seeder.order()).as("after the cohorts").isEqualTo(510);
        jdbc.sql("delete from participant_follow_up").update();
        jdbc.sql("delete from task where owner = 'cohort'").update();
        long followed = count("""
                select count(*) * 2 from participant p join cohort c on c.id = p.cohort_id
                where p.release_month is not null and p.state <> 'DROPPED' and c.state <> 'CANCELLED'""");

        assertThat(seeder.seed()).isEqualTo(followed).isPositive();
        assertThat(seeder.seed()).as("a second run adds nothing").isZero();

        assertThat(jdbc.sql("""
                        select f.kind || ':' || t.done || ':' || u.username || ':' || (t.link = 'cohortes/' || c.id)
                        from participant p join cohort c on c.id = p.cohort_id join participant_follow_up f on f.participant_id = p.id
                        join task t on t.id = f.task_id join app_user u on u.id = t.assignee_id
                        where p.code = 'SPIP21-0301' order by f.kind""").query(String.class).list())
                .containsExactly("RELEASE:false:referent:true", "SIX_MONTHS:false:referent:true");
        assertThat(jdbc.sql("""
                        select f.kind || ':' || t.done || ':' || (f.outcome_recorded_at is not null)
                        from participant p join participant_follow_up f on f.participant_id = p.id join task t on t.id = f.task_id
                        where p.code = 'SPIP75-0106' order by f.kind""").query(String.class).list())
                .as("an outcome at release, none yet six months later").containsExactly("RELEASE:true:true", "SIX_MONTHS:false:false");
        assertThat(count("""
                select count(*) from participant p join participant_follow_up f on f.participant_id = p.id
                where p.state = 'DROPPED' or p.code like 'SPIP21-03%' and f.outcome_recorded_at is not null""")).isZero();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
