-- Offers (issue 10): what a company offers, its lifecycle, every change of state, the audit trail.

-- A contact follows offers of its own company: the offer's (contact_id, company_id) must be a contact's
-- (id, company_id). A contact moved to another company (a merge) takes its offers' company along; a
-- deleted contact leaves its offers without one.
create unique index contact_id_company_key on contact (id, company_id);

create table offer (
    id                     bigint generated always as identity primary key,
    company_id             bigint not null references company (id),
    type                   text not null,
    rome_code              text not null references rome_job (code),
    -- The ROME family is the code's letter (F1603 → F): stored so that the list filters on it directly.
    rome_family            text generated always as (left(rome_code, 1)) stored,
    title                  text not null,
    description            text,
    positions              integer not null,
    contract_type          text not null,
    hours_per_week         numeric(4, 1),
    -- Post-release jobs and apprenticeships happen somewhere in France; workshop and subcontracting offers
    -- in the target establishments of offer_establishment.
    commune                text,
    department_code        text references department (code),
    -- Derived by the triggers below from the department, or from the first target establishment; never typed.
    -- Nullable only while a statement writes the offer before its establishments: offer_place_complete checks
    -- it at commit.
    disp_code              text references disp (code),
    start_date             date not null,
    end_date               date,
    source                 text not null,
    contact_id             bigint,
    status                 text not null,
    rejection_reason_code  text,
    rejection_reason       text,
    -- The 90-day rule: an open offer expires when its company has not updated it for so long.
    last_company_update_at timestamptz not null default now(),
    -- Title, company names, ROME code and label without accents or case, kept by the triggers below.
    search_document        text not null default '',
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    version                bigint not null default 0,
    constraint offer_type check (type in ('WORKSHOP_JOBS', 'SUBCONTRACTING', 'POST_RELEASE_JOB', 'APPRENTICESHIP')),
    constraint offer_title_present check (length(btrim(title)) between 1 and 120),
    constraint offer_description_length check (description is null or length(description) <= 4000),
    constraint offer_positions check (positions between 1 and 999),
    constraint offer_contract_type check (contract_type in
        ('CDI', 'CDD', 'INTERIM', 'APPRENTICESHIP', 'PROFESSIONALISATION', 'INSERTION', 'PRISON_EMPLOYMENT')),
    constraint offer_hours_per_week check (hours_per_week is null or (hours_per_week > 0 and hours_per_week <= 48)),
    constraint offer_commune_length check (commune is null or length(commune) <= 100),
    constraint offer_department_for_place check ((type in ('WORKSHOP_JOBS', 'SUBCONTRACTING')) = (department_code is null)),
    constraint offer_commune_needs_department check (commune is null or department_code is not null),
    constraint offer_dates check (end_date is null or end_date >= start_date),
    constraint offer_source check (source in ('PORTAL', 'REFERENT', 'IMPORT')),
    constraint offer_status check (status in ('PENDING_VALIDATION', 'OPEN', 'FILLED', 'CLOSED', 'EXPIRED', 'REJECTED')),
    constraint offer_rejection_reason_code check (rejection_reason_code is null or rejection_reason_code in
        ('DUPLICATE', 'INCOMPLETE', 'NOT_ELIGIBLE', 'COMPANY_UNREACHABLE', 'OTHER')),
    constraint offer_rejected_has_reason check ((status = 'REJECTED') = (rejection_reason_code is not null)),
    constraint offer_rejection_text check (rejection_reason is null or (rejection_reason_code is not null
        and length(btrim(rejection_reason)) between 1 and 1000)),
    constraint offer_other_rejection_explained check (rejection_reason_code is distinct from 'OTHER' or rejection_reason is not null),
    constraint offer_contact_of_company foreign key (contact_id, company_id) references contact (id, company_id)
        on update cascade on delete set null (contact_id)
);

create table offer_establishment (
    offer_id         bigint not null references offer (id) on delete cascade,
    establishment_id bigint not null references establishment (id),
    primary key (offer_id, establishment_id)
);
create index offer_establishment_establishment_idx on offer_establishment (establishment_id);

-- The offers list (OfferQueries), shaped like the companies list at a million rows (V6, decision record 006):
-- its default order, newest first, walked with the usual filters' columns included (index-only scans)…
create index offer_created_idx on offer (created_at desc, id desc)
    include (disp_code, status, type, rome_family, department_code, company_id);
-- …the same filters the other way round for the combinations that match few offers (a referent's DISP and a
-- state), their count and page ids from this index alone…
create index offer_disp_status_idx on offer (disp_code, status, created_at desc, id desc)
    include (type, rome_family, department_code, company_id);
-- …a company's offers (the company page, the company filter)…
create index offer_company_idx on offer (company_id, created_at desc, id desc);
create index offer_rome_code_idx on offer (rome_code);
create index offer_contact_idx on offer (contact_id);
-- …and the typed search (substring, accents and case ignored).
create index offer_search_idx on offer using gin (search_document gin_trgm_ops);
-- The moderation queue (pending offers of a DISP, oldest first) and the expiry jobs (open offers by end date,
-- by last update from their company).
create index offer_pending_idx on offer (disp_code, created_at, id) where status = 'PENDING_VALIDATION';
create index offer_open_end_date_idx on offer (end_date) where status = 'OPEN' and end_date is not null;
create index offer_open_company_update_idx on offer (last_company_update_at) where status = 'OPEN';

create function offer_search_document(title text, company_id bigint, rome_code text) returns text
    language sql stable parallel safe
return (select search_text(concat_ws(' ', title, c.legal_name, c.trade_name, j.code, j.label))
        from company c, rome_job j where c.id = company_id and j.code = rome_code);

-- The DISP of an offer's place: its department's, or its first target establishment's (by id; the service
-- keeps an offer's establishments in one DISP).
create function offer_disp(department_code text, offer_id bigint) returns text
    language sql stable parallel safe
return case when department_code is not null
            then (select d.disp_code from department d where d.code = department_code)
            else (select e.disp_code from offer_establishment oe join establishment e on e.id = oe.establishment_id
                  where oe.offer_id = offer_disp.offer_id order by e.id limit 1) end;

create function offer_derive() returns trigger
    language plpgsql
as $func$
begin
    new.disp_code := offer_disp(new.department_code, new.id);
    if tg_op = 'INSERT' or (new.title, new.company_id, new.rome_code) is distinct from (old.title, old.company_id, old.rome_code) then
        new.search_document := coalesce(offer_search_document(new.title, new.company_id, new.rome_code), '');
    end if;
    return new;
end
$func$;
create trigger offer_derive before insert or update on offer for each row execute function offer_derive();

-- Target establishments added or removed: the offer's DISP follows (the update runs offer_derive).
create function offer_establishment_changed() returns trigger
    language plpgsql
as $func$
begin
    update offer o set disp_code = null where o.id in (select offer_id from changed);
    return null;
end
$func$;
create trigger offer_establishment_inserted after insert on offer_establishment
    referencing new table as changed for each statement execute function offer_establishment_changed();
create trigger offer_establishment_deleted after delete on offer_establishment
    referencing old table as changed for each statement execute function offer_establishment_changed();

-- A company renamed: the search finds its offers under the new name. Only when a name changed.
create function offer_company_renamed() returns trigger
    language plpgsql
as $func$
begin
    update offer o set search_document = coalesce(offer_search_document(o.title, o.company_id, o.rome_code), '')
    from inserted n join removed p on p.id = n.id
    where o.company_id = n.id and (n.legal_name, n.trade_name) is distinct from (p.legal_name, p.trade_name);
    return null;
end
$func$;
create trigger offer_company_renamed after update on company
    referencing old table as removed new table as inserted for each statement execute function offer_company_renamed();

-- At commit: a workshop or subcontracting offer has target establishments (and no department), any other
-- offer has none, and every offer has its DISP. Deferred, because the offer row is written before its
-- establishments.
create function offer_check_place(checked_id bigint) returns void
    language plpgsql
as $func$
declare
    place record;
begin
    select o.type, o.disp_code, exists (select 1 from offer_establishment oe where oe.offer_id = o.id) as targeted
    into place from offer o where o.id = checked_id;
    if not found then
        return;
    end if;
    if (place.type in ('WORKSHOP_JOBS', 'SUBCONTRACTING')) <> place.targeted then
        raise exception 'offer % of type % has % target establishments', checked_id, place.type,
            case when place.targeted then 'some' else 'no' end
            using errcode = '23514', constraint = 'offer_place_complete';
    end if;
    if place.disp_code is null then
        raise exception 'offer % has no DISP', checked_id using errcode = '23502', constraint = 'offer_place_complete';
    end if;
end
$func$;
create function offer_place_complete() returns trigger
    language plpgsql
as $func$
begin
    perform offer_check_place(new.id);
    return null;
end
$func$;
create function offer_establishment_place_complete() returns trigger
    language plpgsql
as $func$
begin
    perform offer_check_place(old.offer_id);
    return null;
end
$func$;
create constraint trigger offer_place_complete after insert or update on offer
    deferrable initially deferred for each row execute function offer_place_complete();
create constraint trigger offer_establishment_place_complete after delete on offer_establishment
    deferrable initially deferred for each row execute function offer_establishment_place_complete();

-- Every change of state, who made it and why: the timeline's and the moderation's facts.
create table offer_status_change (
    id          bigint generated always as identity primary key,
    offer_id    bigint not null references offer (id) on delete cascade,
    from_status text,
    to_status   text not null,
    reason_code text,
    reason      text,
    changed_by  text not null,
    changed_at  timestamptz not null default now(),
    constraint offer_status_change_from check (from_status is null or from_status in
        ('PENDING_VALIDATION', 'OPEN', 'FILLED', 'CLOSED', 'EXPIRED', 'REJECTED')),
    constraint offer_status_change_to check (to_status in
        ('PENDING_VALIDATION', 'OPEN', 'FILLED', 'CLOSED', 'EXPIRED', 'REJECTED')),
    constraint offer_status_change_reason_length check (reason is null or length(reason) <= 1000)
);
create index offer_status_change_offer_idx on offer_status_change (offer_id, changed_at desc, id desc);

-- Audit (Envers).
create table offer_aud (
    id                    bigint not null,
    rev                   bigint not null references audit_revision (id),
    revtype               smallint,
    company_id            bigint,
    type                  text,
    rome_code             text,
    title                 text,
    description           text,
    positions             integer,
    contract_type         text,
    hours_per_week        numeric(4, 1),
    commune               text,
    department_code       text,
    start_date            date,
    end_date              date,
    source                text,
    contact_id            bigint,
    status                text,
    rejection_reason_code text,
    rejection_reason      text,
    primary key (id, rev)
);
create index offer_aud_company_idx on offer_aud (company_id);
create table offer_establishment_aud (
    rev              bigint not null references audit_revision (id),
    revtype          smallint,
    offer_id         bigint not null,
    establishment_id bigint not null,
    primary key (rev, offer_id, establishment_id)
);
