package fr.passerelle.cohort.internal;

import fr.passerelle.base.DemoSeeder;
import fr.passerelle.base.DisplayFormats;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo participants' follow-up (after the cohorts, 500): each followed participant (a release month, not dropped,
 * cohort not cancelled) gets the tasks at release and six months later that enrolment would have made, done when
 * the demo has the outcome, which is then dated the task's due day (or now, for a month not over). Written with plain
 * SQL like the cohorts; a participant and moment that has its task already is left alone, so a second run adds
 * nothing.
 */
@Component
class FollowUpDemoSeeder implements DemoSeeder {

    private static final long LOCK_KEY = 0x436f_686f_7274_0002L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final FollowUp followUp;

    FollowUpDemoSeeder(JdbcClient jdbc, PlatformTransactionManager transactionManager, FollowUp followUp) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.followUp = followUp;
    }

    @Override
    public int order() {
        return 510;
    }

    @Override
    public String name() {
        return "demo follow-up tasks of the participants";
    }

    private record Missing(long participantId, String kind, long cohortId, String cohortTitle, long referentId, String code,
                           LocalDate releaseMonth, boolean recorded) {
    }

    @Override
    public int seed() {
        Integer created = transaction.execute(status -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Integer.class).single();
            var missing = jdbc.sql("""
                            select p.id, m.kind, c.id as cohort_id, c.title, c.referent_id, p.code, p.release_month,
                                   case m.kind when 'RELEASE' then p.release_outcome else p.six_month_outcome end is not null as recorded
                            from participant p
                            join cohort c on c.id = p.cohort_id
                            cross join (values ('RELEASE'), ('SIX_MONTHS')) as m (kind)
                            where p.release_month is not null and p.state <> 'DROPPED' and c.state <> 'CANCELLED'
                              and not exists (select 1 from participant_follow_up f
                                              where f.participant_id = p.id and f.kind = m.kind and f.task_id is not null)
                            order by p.id, m.kind""")
                    .query((rs, row) -> new Missing(rs.getLong("id"), rs.getString("kind"), rs.getLong("cohort_id"), rs.getString("title"),
                            rs.getLong("referent_id"), rs.getString("code"), rs.getDate("release_month").toLocalDate(),
                            rs.getBoolean("recorded")))
                    .list();
            missing.forEach(this::write);
            return missing.size();
        });
        return created == null ? 0 : created;
    }

    private void write(Missing m) {
        FollowUp.Kind kind = FollowUp.Kind.valueOf(m.kind());
        LocalDate due = kind.due(YearMonth.from(m.releaseMonth()));
        Instant dueInstant = due.atTime(LocalTime.of(16, 0)).atZone(DisplayFormats.PARIS).toInstant();
        Instant recordedAt = dueInstant.isBefore(Instant.now()) ? dueInstant : Instant.now();
        long task = jdbc.sql("""
                        insert into task (title, due_date, assignee_id, done, done_at, created_by, owner, link, link_label)
                        values (:title, :due, :assignee, :done, :doneAt, 'demo', :owner, :link, :label) returning id""")
                .param("title", followUp.title(kind, m.cohortTitle(), m.code())).param("due", due).param("assignee", m.referentId())
                .param("done", m.recorded()).param("doneAt", m.recorded() ? java.sql.Timestamp.from(recordedAt) : null)
                .param("owner", FollowUp.OWNER).param("link", FollowUp.link(m.cohortId())).param("label", m.cohortTitle())
                .query(Long.class).single();
        jdbc.sql("""
                        insert into participant_follow_up (participant_id, kind, task_id, outcome_recorded_at, outcome_recorded_by)
                        values (:participant, :kind, :task, :at, case when :recorded then 'demo' end)
                        on conflict (participant_id, kind) do update set task_id = excluded.task_id""")
                .param("participant", m.participantId()).param("kind", kind.name()).param("task", task)
                .param("at", m.recorded() ? java.sql.Timestamp.from(recordedAt) : null).param("recorded", m.recorded())
                .update();
    }
}
