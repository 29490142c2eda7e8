package fr.passerelle.cohort.internal;

import fr.passerelle.base.Translations;
import fr.passerelle.cohort.CohortState;
import fr.passerelle.cohort.OutcomeMoment;
import fr.passerelle.cohort.ParticipantState;
import fr.passerelle.offer.OfferHires;
import fr.passerelle.partner.FollowUpTaskDraft;
import fr.passerelle.partner.FollowUpTasks;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The follow-up of a cohort's participants (issue 11, item 5): for each participant with a release month, one task
 * to record their situation at release, due the last working day of that month, and one six months later, both
 * assigned to the cohort's referent and leading to the cohort's page. They follow the participant and the cohort
 * (moved with the release month, reassigned with the referent, done when the outcome is recorded, removed while
 * open when the participant drops out or the cohort is cancelled). Called by the cohort services once they have
 * checked the caller's scope; the tasks are partner's ({@link FollowUpTasks}), the link rows ours.
 */
@Component
public class FollowUp {

    public static final String OWNER = "cohort";

    /** The two moments of the follow-up, as {@code participant_follow_up.kind}. */
    public enum Kind {
        RELEASE(0, "cohort.followup.task.release"), SIX_MONTHS(6, "cohort.followup.task.six-months");

        final int monthsAfterRelease;
        final String titleKey;

        Kind(int monthsAfterRelease, String titleKey) {
            this.monthsAfterRelease = monthsAfterRelease;
            this.titleKey = titleKey;
        }

        public static Kind of(OutcomeMoment moment) {
            return moment == OutcomeMoment.AT_RELEASE ? RELEASE : SIX_MONTHS;
        }

        /** The last working day of the release month, or of the month six months later. */
        public LocalDate due(YearMonth releaseMonth) {
            return FollowUpCalendar.lastWorkingDay(releaseMonth.plusMonths(monthsAfterRelease));
        }
    }

    private record Subject(long cohortId, String cohortTitle, long referentId, CohortState cohortState, String code,
                           @Nullable YearMonth releaseMonth, ParticipantState state, boolean atRelease, boolean afterSixMonths) {

        boolean followed() {
            return releaseMonth != null && state != ParticipantState.DROPPED && cohortState != CohortState.CANCELLED;
        }

        boolean recorded(Kind kind) {
            return kind == Kind.RELEASE ? atRelease : afterSixMonths;
        }
    }

    private final JdbcClient jdbc;
    private final FollowUpTasks tasks;
    private final OfferHires hires;
    private final Translations translations;

    FollowUp(JdbcClient jdbc, FollowUpTasks tasks, OfferHires hires, Translations translations) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.hires = hires;
        this.translations = translations;
    }

    /** Task titles are records kept in French, like what people type in the CRM. */
    public String title(Kind kind, String cohortTitle, String code) {
        return translations.getTranslation(kind.titleKey, Translations.FRENCH, cohortTitle, code);
    }

    public static String link(long cohortId) {
        return "cohortes/" + cohortId;
    }

    /** Brings the participant's two tasks in line with their record and their cohort's. */
    public void sync(long participantId) {
        Subject subject = subject(participantId);
        for (Kind kind : Kind.values()) {
            Long taskId = taskOf(participantId, kind);
            if (!subject.followed()) {
                if (taskId != null) {
                    tasks.removeIfOpen(OWNER, taskId);
                }
                continue;
            }
            YearMonth month = subject.releaseMonth();
            String title = title(kind, subject.cohortTitle(), subject.code());
            LocalDate due = kind.due(month);
            if (taskId == null) {
                taskId = tasks.create(new FollowUpTaskDraft(OWNER, title, due, subject.referentId(), null,
                        link(subject.cohortId()), subject.cohortTitle()));
                jdbc.sql("""
                                insert into participant_follow_up (participant_id, kind, task_id) values (:participant, :kind, :task)
                                on conflict (participant_id, kind) do update set task_id = excluded.task_id""")
                        .param("participant", participantId).param("kind", kind.name()).param("task", taskId).update();
            } else {
                tasks.update(OWNER, taskId, title, due, subject.referentId(), subject.cohortTitle());
            }
            if (subject.recorded(kind)) {
                tasks.complete(OWNER, taskId);
            }
        }
    }

    /** After a change of the cohort (its referent, its title, a cancellation): every participant's tasks. */
    public void syncCohort(long cohortId) {
        jdbc.sql("select id from participant where cohort_id = :cohort order by id").param("cohort", cohortId)
                .query(Long.class).list().forEach(this::sync);
    }

    /**
     * An outcome was recorded (or cleared) at that moment by that person: the task is done (or open again), the time
     * dates a hire in the company's timeline, and a hire through an offer counts towards filling it.
     */
    public void outcomeRecorded(long participantId, OutcomeMoment moment, boolean recorded, @Nullable Long offerId, String username) {
        Kind kind = Kind.of(moment);
        jdbc.sql("""
                        insert into participant_follow_up (participant_id, kind, outcome_recorded_at, outcome_recorded_by)
                        values (:participant, :kind, case when :recorded then now() end, case when :recorded then :user end)
                        on conflict (participant_id, kind) do update
                        set outcome_recorded_at = excluded.outcome_recorded_at, outcome_recorded_by = excluded.outcome_recorded_by""")
                .param("participant", participantId).param("kind", kind.name()).param("recorded", recorded).param("user", username)
                .update();
        sync(participantId);
        Long taskId = taskOf(participantId, kind);
        if (!recorded && taskId != null) {
            tasks.reopen(OWNER, taskId);
        }
        if (offerId != null) {
            int hired = jdbc.sql("select count(*) from participant where release_offer_id = :offer or six_month_offer_id = :offer")
                    .param("offer", offerId).query(Integer.class).single();
            hires.recordHires(offerId, hired);
        }
    }

    private @Nullable Long taskOf(long participantId, Kind kind) {
        Optional<Long> task = jdbc.sql("select task_id from participant_follow_up where participant_id = :participant and kind = :kind")
                .param("participant", participantId).param("kind", kind.name())
                .query((rs, row) -> {
                    long id = rs.getLong(1);
                    return rs.wasNull() ? -1L : id;
                }).optional();
        return task.filter(id -> id > 0).orElse(null);
    }

    private Subject subject(long participantId) {
        return jdbc.sql("""
                        select c.id as cohort_id, c.title, c.referent_id, c.state as cohort_state, p.code, p.release_month,
                               p.state, p.release_outcome is not null as at_release, p.six_month_outcome is not null as after_six
                        from participant p join cohort c on c.id = p.cohort_id
                        where p.id = :id""")
                .param("id", participantId)
                .query((rs, row) -> {
                    var month = rs.getDate("release_month");
                    return new Subject(rs.getLong("cohort_id"), rs.getString("title"), rs.getLong("referent_id"),
                            CohortState.valueOf(rs.getString("cohort_state")), rs.getString("code"),
                            month == null ? null : YearMonth.from(month.toLocalDate()), ParticipantState.valueOf(rs.getString("state")),
                            rs.getBoolean("at_release"), rs.getBoolean("after_six"));
                }).single();
    }
}
