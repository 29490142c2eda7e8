-- Offers linked to a cohort (for its graduates' hiring), pseudonymous participants and their outcomes, and the log
-- of who read a cohort's participants (issue 11). Participants are people in prison: no column here names,
-- dates the birth of, numbers or describes the offence or sentence of anyone. Free texts are short.

create table cohort_offer (
    cohort_id bigint not null references cohort (id) on delete cascade,
    offer_id  bigint not null references offer (id),
    linked_by bigint references app_user (id),
    linked_at timestamptz not null default now(),
    primary key (cohort_id, offer_id)
);
create index cohort_offer_offer_idx on cohort_offer (offer_id);

create table participant (
    id                     bigint generated always as identity primary key,
    cohort_id              bigint not null references cohort (id),
    -- The pseudonymous code the SPIP gives; meaningless outside the cohort.
    code                   text not null,
    -- The first day of the expected release month.
    release_month          date,
    return_department_code text references department (code),
    state                  text not null default 'ENROLLED',
    drop_reason            text,
    certification_obtained boolean not null default false,
    release_outcome        text,
    release_contract_type  text,
    release_offer_id       bigint,
    release_company_id     bigint references company (id),
    six_month_outcome       text,
    six_month_contract_type text,
    six_month_offer_id      bigint,
    six_month_company_id    bigint references company (id),
    note                   text,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    version                bigint not null default 0,
    constraint participant_code_format check (code ~ '^[A-Z0-9][A-Z0-9-]{2,19}$'),
    constraint participant_code_once unique (cohort_id, code),
    constraint participant_release_month check (release_month is null or extract(day from release_month) = 1),
    constraint participant_state check (state in ('ENROLLED', 'COMPLETED', 'DROPPED')),
    constraint participant_dropped_has_reason check ((state = 'DROPPED') = (drop_reason is not null)),
    constraint participant_drop_reason_length check (drop_reason is null or length(btrim(drop_reason)) between 1 and 300),
    constraint participant_note_length check (note is null or length(note) <= 500),
    constraint participant_release_outcome check (release_outcome is null
        or release_outcome in ('EMPLOYED', 'IN_TRAINING', 'JOB_SEEKING', 'UNKNOWN')),
    constraint participant_six_month_outcome check (six_month_outcome is null
        or six_month_outcome in ('EMPLOYED', 'IN_TRAINING', 'JOB_SEEKING', 'UNKNOWN')),
    constraint participant_release_employment check ((release_outcome = 'EMPLOYED') = (release_contract_type is not null)
        and (release_offer_id is null or release_outcome = 'EMPLOYED')
        and (release_offer_id is null) = (release_company_id is null)),
    constraint participant_six_month_employment check ((six_month_outcome = 'EMPLOYED') = (six_month_contract_type is not null)
        and (six_month_offer_id is null or six_month_outcome = 'EMPLOYED')
        and (six_month_offer_id is null) = (six_month_company_id is null)),
    constraint participant_contract_types check (
        (release_contract_type is null or release_contract_type in
            ('CDI', 'CDD', 'INTERIM', 'APPRENTICESHIP', 'PROFESSIONALISATION', 'INSERTION', 'PRISON_EMPLOYMENT'))
        and (six_month_contract_type is null or six_month_contract_type in
            ('CDI', 'CDD', 'INTERIM', 'APPRENTICESHIP', 'PROFESSIONALISATION', 'INSERTION', 'PRISON_EMPLOYMENT'))),
    -- A hire "through a linked offer" is through an offer linked to this cohort: unlinking it is refused meanwhile.
    constraint participant_release_offer_linked foreign key (cohort_id, release_offer_id) references cohort_offer (cohort_id, offer_id),
    constraint participant_six_month_offer_linked foreign key (cohort_id, six_month_offer_id) references cohort_offer (cohort_id, offer_id)
);
create index participant_cohort_idx on participant (cohort_id, code);
create index participant_release_month_idx on participant (release_month);

create or replace function participant_touch() returns trigger
    language plpgsql
as $func$
begin
    new.updated_at := now();
    return new;
end
$func$;
create trigger participant_touch before update on participant for each row execute function participant_touch();

-- Every read of a cohort's participants: who, when, which cohort.
create table participant_read (
    id        bigint generated always as identity primary key,
    cohort_id bigint not null references cohort (id) on delete cascade,
    read_by   bigint not null references app_user (id),
    read_at   timestamptz not null default now()
);
create index participant_read_cohort_idx on participant_read (cohort_id, read_at desc);
create index participant_read_user_idx on participant_read (read_by, read_at desc);

create table participant_aud (
    id                      bigint not null,
    rev                     bigint not null references audit_revision (id),
    revtype                 smallint,
    cohort_id               bigint,
    code                    text,
    release_month           date,
    return_department_code  text,
    state                   text,
    drop_reason             text,
    certification_obtained  boolean,
    release_outcome         text,
    release_contract_type   text,
    release_offer_id        bigint,
    release_company_id      bigint,
    six_month_outcome       text,
    six_month_contract_type text,
    six_month_offer_id      bigint,
    six_month_company_id    bigint,
    note                    text,
    primary key (id, rev)
);
create index participant_aud_cohort_idx on participant_aud (cohort_id);
