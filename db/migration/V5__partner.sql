-- Partner CRM: companies, contacts, engagements, pipeline, interactions, tasks, saved views.

-- SIRET = SIREN (9 digits) + NIC (5 digits); both carry a Luhn check digit, except La Poste's
-- establishments (SIREN 356000000), valid when the sum of the 14 digits is a multiple of 5.
create or replace function luhn_is_valid(digits text) returns boolean
    language plpgsql immutable strict parallel safe
as $func$
declare
    total integer := 0;
    digit integer;
    position integer;
begin
    if digits !~ '^[0-9]+$' then
        return false;
    end if;
    for position in 1 .. length(digits) loop
        digit := substr(digits, length(digits) - position + 1, 1)::integer;
        if position % 2 = 0 then
            digit := digit * 2;
            if digit > 9 then
                digit := digit - 9;
            end if;
        end if;
        total := total + digit;
    end loop;
    return total % 10 = 0;
end
$func$;

create or replace function siret_is_valid(siret text) returns boolean
    language plpgsql immutable strict parallel safe
as $func$
declare
    total integer := 0;
    position integer;
begin
    if siret !~ '^[0-9]{14}$' then
        return false;
    end if;
    if substr(siret, 1, 9) = '356000000' then
        for position in 1 .. 14 loop
            total := total + substr(siret, position, 1)::integer;
        end loop;
        return total % 5 = 0;
    end if;
    return luhn_is_valid(substr(siret, 1, 9)) and luhn_is_valid(siret);
end
$func$;

create table company (
    id                bigint generated always as identity primary key,
    siret             text not null,
    siren             text generated always as (substr(siret, 1, 9)) stored,
    legal_name        text not null,
    trade_name        text,
    naf_code          text references naf_sub_class (code),
    workforce_bracket text,
    street            text,
    postcode          text,
    commune           text,
    department_code   text not null references department (code),
    -- Derived from the department by the trigger below, stored so that lists filter on them directly.
    region_code       text not null references region (code),
    disp_code         text not null references disp (code),
    website           text,
    labels            text[] not null default '{}',
    source            text not null default 'MANUAL',
    owner_id          bigint references app_user (id),
    stage             text not null default 'PROSPECT',
    declined_reason   text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           bigint not null default 0,
    search_document   text generated always as (
        search_text(legal_name || ' ' || coalesce(trade_name, '') || ' ' || coalesce(commune, '') || ' ' || siret)) stored,
    constraint company_siret_valid check (siret_is_valid(siret)),
    constraint company_legal_name_present check (length(btrim(legal_name)) > 0),
    constraint company_postcode_format check (postcode is null or postcode ~ '^[0-9]{5}$'),
    constraint company_workforce_bracket check (workforce_bracket is null or workforce_bracket in
        ('NN', '00', '01', '02', '03', '11', '12', '21', '22', '31', '32', '41', '42', '51', '52', '53')),
    constraint company_labels check (labels <@ array ['PRODUIT_EN_PRISON', 'INCLUSIVE_COMPANY', 'ADAPTED_COMPANY', 'SOCIAL_ECONOMY']::text[]),
    constraint company_source check (source in ('MANUAL', 'IMPORT', 'PORTAL', 'CAMPAIGN')),
    constraint company_stage check (stage in ('PROSPECT', 'CONTACTED', 'IN_DISCUSSION', 'PARTNER', 'DORMANT', 'DECLINED')),
    constraint company_declined_has_reason check ((stage = 'DECLINED') = (declined_reason is not null and length(btrim(declined_reason)) > 0)),
    constraint company_website_format check (website is null or website ~* '^https?://[^\s]+$')
);
create unique index company_siret_key on company (siret);
create index company_siren_idx on company (siren);
create index company_disp_stage_idx on company (disp_code, stage);
create index company_department_idx on company (department_code);
create index company_owner_idx on company (owner_id);
create index company_naf_idx on company (naf_code);
create index company_stage_idx on company (stage);
create index company_labels_idx on company using gin (labels);
create index company_search_idx on company using gin (search_document gin_trgm_ops);
create index company_name_sort_idx on company (search_text(legal_name), id);

create or replace function company_derive_location() returns trigger
    language plpgsql
as $func$
begin
    select d.region_code, d.disp_code into new.region_code, new.disp_code
    from department d where d.code = new.department_code;
    new.updated_at := now();
    return new;
end
$func$;
create trigger company_derive_location
    before insert or update on company
    for each row execute function company_derive_location();

create table contact (
    id           bigint generated always as identity primary key,
    company_id   bigint not null references company (id),
    first_name   text,
    last_name    text not null,
    job_title    text,
    email        text,
    phone        text,
    is_primary   boolean not null default false,
    email_status text not null default 'ACTIVE',
    created_at   timestamptz not null default now(),
    version      bigint not null default 0,
    constraint contact_last_name_present check (length(btrim(last_name)) > 0),
    constraint contact_email_format check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    -- Phones are stored normalised in E.164 (+33612345678).
    constraint contact_phone_format check (phone is null or phone ~ '^\+[1-9][0-9]{7,14}$'),
    constraint contact_email_status check (email_status in ('ACTIVE', 'UNSUBSCRIBED', 'BOUNCED'))
);
create index contact_company_idx on contact (company_id);
create index contact_email_idx on contact (lower(email));
create unique index contact_one_primary_per_company on contact (company_id) where is_primary;

create table engagement (
    id          bigint generated always as identity primary key,
    company_id  bigint not null references company (id),
    type        text not null,
    status      text not null default 'PLANNED',
    start_date  date,
    end_date    date,
    headcount   integer,
    volume      text,
    notes       text,
    created_at  timestamptz not null default now(),
    version     bigint not null default 0,
    constraint engagement_type check (type in ('WORKSHOP', 'SUBCONTRACTING', 'POST_RELEASE_HIRING', 'APPRENTICESHIP', 'AWARENESS_EVENT')),
    constraint engagement_status check (status in ('PLANNED', 'ACTIVE', 'ENDED', 'CANCELLED')),
    constraint engagement_dates check (end_date is null or start_date is null or end_date >= start_date),
    constraint engagement_headcount check (headcount is null or headcount >= 0)
);
create index engagement_company_idx on engagement (company_id);
create index engagement_type_idx on engagement (type, company_id);

create table engagement_establishment (
    engagement_id    bigint not null references engagement (id) on delete cascade,
    establishment_id bigint not null references establishment (id),
    primary key (engagement_id, establishment_id)
);

create table pipeline_move (
    id         bigint generated always as identity primary key,
    company_id bigint not null references company (id),
    from_stage text,
    to_stage   text not null,
    reason     text,
    moved_by   text not null,
    moved_at   timestamptz not null default now()
);
create index pipeline_move_company_idx on pipeline_move (company_id, moved_at desc);

create table interaction (
    id          bigint generated always as identity primary key,
    company_id  bigint not null references company (id),
    kind        text not null,
    occurred_at timestamptz not null,
    contact_id  bigint references contact (id),
    summary     text not null,
    author      text not null,
    created_at  timestamptz not null default now(),
    constraint interaction_kind check (kind in ('CALL', 'MEETING', 'ESTABLISHMENT_VISIT', 'EMAIL', 'EVENT')),
    constraint interaction_summary_present check (length(btrim(summary)) > 0)
);
create index interaction_company_idx on interaction (company_id, occurred_at desc);

create table task (
    id          bigint generated always as identity primary key,
    title       text not null,
    due_date    date not null,
    assignee_id bigint not null references app_user (id),
    company_id  bigint references company (id),
    done        boolean not null default false,
    done_at     timestamptz,
    created_by  text not null,
    created_at  timestamptz not null default now(),
    version     bigint not null default 0,
    constraint task_title_present check (length(btrim(title)) > 0),
    constraint task_done_at check (done = (done_at is not null))
);
create index task_assignee_open_idx on task (assignee_id, due_date) where not done;
create index task_company_idx on task (company_id);

create table company_merge (
    id             bigint generated always as identity primary key,
    kept_id        bigint not null references company (id),
    merged_siret   text not null,
    merged_name    text not null,
    merged_by      text not null,
    merged_at      timestamptz not null default now()
);
create index company_merge_kept_idx on company_merge (kept_id);

create table saved_company_view (
    id         bigint generated always as identity primary key,
    owner_id   bigint not null references app_user (id) on delete cascade,
    name       text not null,
    filter     jsonb not null,
    created_at timestamptz not null default now(),
    constraint saved_company_view_name_present check (length(btrim(name)) > 0)
);
create unique index saved_company_view_owner_name_key on saved_company_view (owner_id, lower(name));

-- Audit (Envers): who changed what on companies, contacts and engagements.
create table company_aud (
    id                bigint not null,
    rev               bigint not null references audit_revision (id),
    revtype           smallint,
    siret             text,
    legal_name        text,
    trade_name        text,
    naf_code          text,
    workforce_bracket text,
    street            text,
    postcode          text,
    commune           text,
    department_code   text,
    website           text,
    labels            text[],
    source            text,
    owner_id          bigint,
    stage             text,
    declined_reason   text,
    primary key (id, rev)
);
create table contact_aud (
    id           bigint not null,
    rev          bigint not null references audit_revision (id),
    revtype      smallint,
    company_id   bigint,
    first_name   text,
    last_name    text,
    job_title    text,
    email        text,
    phone        text,
    is_primary   boolean,
    email_status text,
    primary key (id, rev)
);
create index contact_aud_company_idx on contact_aud (company_id);
create table engagement_aud (
    id         bigint not null,
    rev        bigint not null references audit_revision (id),
    revtype    smallint,
    company_id bigint,
    type       text,
    status     text,
    start_date date,
    end_date   date,
    headcount  integer,
    volume     text,
    notes      text,
    primary key (id, rev)
);
create index engagement_aud_company_idx on engagement_aud (company_id);
create table engagement_establishment_aud (
    rev              bigint not null references audit_revision (id),
    revtype          smallint,
    engagement_id    bigint not null,
    establishment_id bigint not null,
    primary key (rev, engagement_id, establishment_id)
);
