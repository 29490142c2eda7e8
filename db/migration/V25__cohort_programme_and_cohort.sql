-- Training programmes and their cohorts (promotions) run with federations, training bodies and funders (issue 11).
-- No column of these tables may identify a person: CohortSchemaTest reads information_schema to keep it so.

create table programme (
    id                       bigint generated always as identity primary key,
    title                    text not null,
    description              text,
    candidates_per_promotion integer,
    duration_weeks           integer,
    sectors                  text[] not null default '{}',
    -- "Une promotion par établissement et par an": enforced by cohort_one_promotion_per_year below.
    one_promotion_per_year   boolean not null default false,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    version                  bigint not null default 0,
    constraint programme_title_present check (length(btrim(title)) between 1 and 120),
    constraint programme_description_length check (description is null or length(description) <= 2000),
    constraint programme_candidates check (candidates_per_promotion is null or candidates_per_promotion between 1 and 100),
    constraint programme_duration check (duration_weeks is null or duration_weeks between 1 and 260),
    constraint programme_sectors check (sectors <@ array ['CONSTRUCTION', 'LOGISTICS', 'HOSPITALITY_CATERING', 'ENVIRONMENT',
        'INDUSTRY', 'AGRICULTURE', 'SERVICES', 'OTHER']::text[])
);
create unique index programme_title_key on programme (lower(btrim(title)));

create table cohort (
    id               bigint generated always as identity primary key,
    programme_id     bigint references programme (id),
    title            text not null,
    sector           text not null,
    establishment_id bigint not null references establishment (id),
    -- Derived from the establishment by the trigger below, stored so that lists filter on them directly.
    disp_code        text not null references disp (code),
    region_code      text references region (code),
    planned_start    date not null,
    planned_end      date,
    actual_start     date,
    actual_end       date,
    hours            integer,
    certification    text,
    capacity         integer not null,
    -- The cohort's owner: a referent of the establishment's DISP, or an administrator.
    referent_id      bigint not null references app_user (id),
    state            text not null default 'PLANNED',
    cancel_reason    text,
    -- The planned start's year when the programme allows one promotion per establishment and year, else null:
    -- kept by the triggers below so that a unique index can hold the rule, even for two concurrent writers.
    promotion_year   integer,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          bigint not null default 0,
    constraint cohort_title_present check (length(btrim(title)) between 1 and 120),
    constraint cohort_sector check (sector in ('CONSTRUCTION', 'LOGISTICS', 'HOSPITALITY_CATERING', 'ENVIRONMENT',
        'INDUSTRY', 'AGRICULTURE', 'SERVICES', 'OTHER')),
    constraint cohort_planned_dates check (planned_end is null or planned_end >= planned_start),
    constraint cohort_actual_dates check (actual_end is null or (actual_start is not null and actual_end >= actual_start)),
    constraint cohort_hours check (hours is null or hours between 1 and 5000),
    constraint cohort_certification_length check (certification is null or length(btrim(certification)) between 1 and 200),
    constraint cohort_capacity check (capacity between 1 and 100),
    constraint cohort_state check (state in ('PLANNED', 'RECRUITING', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
    constraint cohort_cancelled_has_reason check ((state = 'CANCELLED') = (cancel_reason is not null)),
    constraint cohort_cancel_reason_length check (cancel_reason is null or length(btrim(cancel_reason)) between 1 and 500)
);
create index cohort_disp_state_idx on cohort (disp_code, state, planned_start desc, id desc);
create index cohort_programme_idx on cohort (programme_id, planned_start desc);
create index cohort_establishment_idx on cohort (establishment_id);
create index cohort_referent_idx on cohort (referent_id);
create unique index cohort_one_promotion_per_year on cohort (programme_id, establishment_id, promotion_year)
    where promotion_year is not null and state <> 'CANCELLED';

create or replace function cohort_derive() returns trigger
    language plpgsql
as $func$
begin
    select e.disp_code, e.region_code into new.disp_code, new.region_code
    from establishment e where e.id = new.establishment_id;
    select case when p.one_promotion_per_year then extract(year from new.planned_start)::integer end
    into new.promotion_year
    from programme p where p.id = new.programme_id;
    if new.programme_id is null then
        new.promotion_year := null;
    end if;
    if (tg_op = 'INSERT' or new.referent_id is distinct from old.referent_id
            or new.establishment_id is distinct from old.establishment_id)
            and not exists (select 1 from app_user u where u.id = new.referent_id
                and (u.role = 'ADMIN' or u.role = 'REFERENT' and u.disp_code = new.disp_code)) then
        raise exception 'cohort_referent_of_disp: user % is not a referent of the establishment''s DISP', new.referent_id
            using errcode = '23514', constraint = 'cohort_referent_of_disp';
    end if;
    new.updated_at := now();
    return new;
end
$func$;
create trigger cohort_derive before insert or update on cohort for each row execute function cohort_derive();

-- A programme that takes up (or drops) the rule re-derives its cohorts' years; a conflict then fails the change.
create or replace function programme_rule_changed() returns trigger
    language plpgsql
as $func$
begin
    update cohort set promotion_year = null where programme_id = new.id;
    return new;
end
$func$;
create trigger programme_rule_changed after update of one_promotion_per_year on programme
    for each row when (old.one_promotion_per_year is distinct from new.one_promotion_per_year)
    execute function programme_rule_changed();

create table cohort_rome_job (
    cohort_id bigint not null references cohort (id) on delete cascade,
    rome_code text not null references rome_job (code),
    primary key (cohort_id, rome_code)
);
create index cohort_rome_job_code_idx on cohort_rome_job (rome_code);

-- Partner organisations (companies of the CRM) and the part each plays in the cohort.
create table cohort_partner (
    id         bigint generated always as identity primary key,
    cohort_id  bigint not null references cohort (id) on delete cascade,
    company_id bigint not null references company (id),
    role       text not null,
    constraint cohort_partner_role check (role in ('FEDERATION', 'TRAINING_BODY', 'FUNDER', 'EMPLOYMENT_SERVICE', 'SPIP')),
    constraint cohort_partner_once unique (cohort_id, company_id, role)
);
create index cohort_partner_company_idx on cohort_partner (company_id);

-- Audit (Envers).
create table programme_aud (
    id                       bigint not null,
    rev                      bigint not null references audit_revision (id),
    revtype                  smallint,
    title                    text,
    description              text,
    candidates_per_promotion integer,
    duration_weeks           integer,
    sectors                  text[],
    one_promotion_per_year   boolean,
    primary key (id, rev)
);
create table cohort_aud (
    id               bigint not null,
    rev              bigint not null references audit_revision (id),
    revtype          smallint,
    programme_id     bigint,
    title            text,
    sector           text,
    establishment_id bigint,
    planned_start    date,
    planned_end      date,
    actual_start     date,
    actual_end       date,
    hours            integer,
    certification    text,
    capacity         integer,
    referent_id      bigint,
    state            text,
    cancel_reason    text,
    primary key (id, rev)
);
create table cohort_rome_job_aud (
    rev       bigint not null references audit_revision (id),
    revtype   smallint,
    cohort_id bigint not null,
    rome_code text not null,
    primary key (rev, cohort_id, rome_code)
);
create table cohort_partner_aud (
    id         bigint not null,
    rev        bigint not null references audit_revision (id),
    revtype    smallint,
    cohort_id  bigint,
    company_id bigint,
    role       text,
    primary key (id, rev)
);
