-- Offers declared on the public portal (issue 10): until a referent validates one, it has no CRM company yet, only
-- the company and contact its declarant typed. The declaration is kept with the offer.

alter table offer alter column company_id drop not null;
-- Only a portal declaration waiting for validation (or rejected without ever being matched) lacks a company; it
-- then has no contact of a company either.
alter table offer add constraint offer_company_unless_declared check (company_id is not null
    or (source = 'PORTAL' and status in ('PENDING_VALIDATION', 'REJECTED') and contact_id is null));

create table offer_declaration (
    offer_id                bigint primary key references offer (id) on delete cascade,
    siret                   text not null,
    legal_name              text not null,
    street                  text,
    postcode                text,
    commune                 text,
    department_code         text references department (code),
    naf_code                text references naf_sub_class (code),
    workforce_bracket       text,
    contact_first_name      text,
    contact_last_name       text not null,
    contact_job_title       text,
    contact_email           text not null,
    contact_phone           text,
    consented_at            timestamptz not null,
    consent_version         text not null,
    campaign_ref            text,
    created_at              timestamptz not null default now(),
    constraint offer_declaration_siret check (siret_is_valid(siret)),
    constraint offer_declaration_legal_name check (length(btrim(legal_name)) between 1 and 200),
    constraint offer_declaration_street check (street is null or length(street) <= 200),
    constraint offer_declaration_postcode check (postcode is null or postcode ~ '^[0-9]{5}$'),
    constraint offer_declaration_commune check (commune is null or length(commune) <= 100),
    constraint offer_declaration_workforce check (workforce_bracket is null or workforce_bracket ~ '^([0-9]{2}|NN)$'),
    constraint offer_declaration_first_name check (contact_first_name is null or length(contact_first_name) <= 100),
    constraint offer_declaration_last_name check (length(btrim(contact_last_name)) between 1 and 100),
    constraint offer_declaration_job_title check (contact_job_title is null or length(contact_job_title) <= 100),
    constraint offer_declaration_email check (length(contact_email) <= 254 and contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    constraint offer_declaration_phone check (contact_phone is null or contact_phone ~ '^\+[1-9][0-9]{7,14}$'),
    constraint offer_declaration_consent_version check (length(btrim(consent_version)) between 1 and 40),
    constraint offer_declaration_campaign check (campaign_ref is null or length(campaign_ref) <= 100)
);
-- The moderation screen says whether a CRM company has the declared SIRET.
create index offer_declaration_siret_idx on offer_declaration (siret);

-- The search document names the declared company while the offer has no CRM company (V11 named only the latter).
create function offer_search_document(title text, company_id bigint, rome_code text, offer_id bigint) returns text
    language sql stable parallel safe
return (select search_text(concat_ws(' ', offer_search_document.title, c.legal_name, c.trade_name, d.legal_name, j.code, j.label))
        from rome_job j
        left join company c on c.id = offer_search_document.company_id
        left join offer_declaration d on offer_search_document.company_id is null and d.offer_id = offer_search_document.offer_id
        where j.code = offer_search_document.rome_code);

create or replace function offer_derive() returns trigger
    language plpgsql
as $func$
begin
    new.disp_code := offer_disp(new.department_code, new.id);
    if tg_op = 'INSERT' or (new.title, new.company_id, new.rome_code) is distinct from (old.title, old.company_id, old.rome_code) then
        new.search_document := coalesce(offer_search_document(new.title, new.company_id, new.rome_code, new.id), '');
    end if;
    return new;
end
$func$;

create or replace function offer_company_renamed() returns trigger
    language plpgsql
as $func$
begin
    update offer o set search_document = coalesce(offer_search_document(o.title, o.company_id, o.rome_code, o.id), '')
    from inserted n join removed p on p.id = n.id
    where o.company_id = n.id and (n.legal_name, n.trade_name) is distinct from (p.legal_name, p.trade_name);
    return null;
end
$func$;

drop function offer_search_document(text, bigint, text);

-- The declaration is written right after its offer: the offer's search document then takes the declared name.
create function offer_declaration_named() returns trigger
    language plpgsql
as $func$
begin
    update offer o set search_document = coalesce(offer_search_document(o.title, o.company_id, o.rome_code, o.id), '')
    where o.id = new.offer_id and o.company_id is null;
    return null;
end
$func$;
create trigger offer_declaration_named after insert or update of legal_name on offer_declaration
    for each row execute function offer_declaration_named();
