-- Issue 11, follow-up: tasks another module schedules for its own records, and the cohort's link to them.

-- A task made by a module (not typed by a person) names that module; only it moves, renames or closes the task
-- through partner's FollowUpTasks. Its link is a route of the application (never an address elsewhere), shown in
-- "Mes tâches" with its label.
alter table task
    add column owner text,
    add column link text,
    add column link_label text,
    add constraint task_owner_format check (owner is null or owner ~ '^[a-z][a-z0-9-]{1,39}$'),
    add constraint task_link_route check (link is null or link ~ '^[a-z0-9-]+(/[A-Za-z0-9-]+)*$'),
    add constraint task_link_label check ((link is null) = (link_label is null)
                                          and (link_label is null or length(link_label) between 1 and 200));
create index task_owner_idx on task (owner) where owner is not null;

-- One row per participant and moment: the task that asks for the outcome (null once removed: dropped, cancelled,
-- no release month) and when and by whom the outcome was recorded (the company timeline dates hires with it).
create table participant_follow_up (
    participant_id      bigint not null references participant (id) on delete cascade,
    kind                text not null,
    task_id             bigint references task (id) on delete set null,
    outcome_recorded_at timestamptz,
    outcome_recorded_by text,
    primary key (participant_id, kind),
    constraint participant_follow_up_kind check (kind in ('RELEASE', 'SIX_MONTHS')),
    constraint participant_follow_up_recorded check ((outcome_recorded_at is null) = (outcome_recorded_by is null))
);
create unique index participant_follow_up_task_key on participant_follow_up (task_id);

-- Outcomes recorded before this migration: dated by the participant's latest audited change, or now.
insert into participant_follow_up (participant_id, kind, outcome_recorded_at, outcome_recorded_by)
select p.id, m.kind,
       coalesce((select to_timestamp(max(r.timestamp) / 1000.0) from participant_aud a join audit_revision r on r.id = a.rev
                 where a.id = p.id), now()),
       coalesce((select r.username from participant_aud a join audit_revision r on r.id = a.rev
                 where a.id = p.id and r.username is not null order by a.rev desc limit 1), 'system')
from participant p
cross join (values ('RELEASE'), ('SIX_MONTHS')) as m (kind)
where (m.kind = 'RELEASE' and p.release_outcome is not null) or (m.kind = 'SIX_MONTHS' and p.six_month_outcome is not null);
