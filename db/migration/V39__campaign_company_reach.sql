-- Campaign segments (issue 12): one row per partner with what a segment filters on and counts, kept up to date by
-- triggers on partner's and offer's tables, so that counting a national segment reads some 200,000 narrow rows of
-- one table instead of a million contacts and the company, interaction and offer tables (decision record 022).
-- Those tables are read here, never written; the rows below are the campaign module's own.
create table campaign_company_reach (
    company_id          bigint primary key references company (id) on delete cascade,
    -- A copy of the company's columns segments filter on (trigger on company).
    kind                text not null,
    siret               text,
    disp_code           text not null,
    region_code         text not null,
    department_code     text not null,
    naf_code            text,
    workforce_bracket   text,
    stage               text not null,
    labels              text[] not null,
    -- The company's contacts, each under one heading, in the order the count gives why a contact is left out: no
    -- address, then its status; "active" have an address and the status ACTIVE: written to, unless the address is on
    -- the opt-out list while the contact's status is not yet in step (the count takes those off from mail_opt_out).
    contacts            integer not null default 0,
    without_email       integer not null default 0,
    unsubscribed        integer not null default 0,
    bounced             integer not null default 0,
    active              integer not null default 0,
    -- Its offers, in any state (portal declarations not yet tied to the company are matched on the SIRET).
    offers              integer not null default 0,
    -- The latest interaction's time (null: none), for "no interaction for N months".
    last_interaction_at timestamptz,
    constraint campaign_company_reach_sum check (contacts = without_email + unsubscribed + bounced + active),
    constraint campaign_company_reach_not_negative check (least(without_email, unsubscribed, bounced, active, offers) >= 0)
)
-- Rows change in place all the time (contacts, interactions): room on each page keeps those updates HOT, so the table
-- does not grow with them.
with (fillfactor = 80);

-- Companies: their row is made with them and follows their columns (one statement-level trigger each, reading the
-- statement's rows once, so that an import of thousands of companies costs one statement).
create function campaign_company_reach_companies() returns trigger
language plpgsql as
$func$
begin
    if tg_op = 'INSERT' then
        insert into campaign_company_reach (company_id, kind, siret, disp_code, region_code, department_code, naf_code,
                                            workforce_bracket, stage, labels)
        select id, kind, siret, disp_code, region_code, department_code, naf_code, workforce_bracket, stage, labels
        from new_companies order by id;
    else
        update campaign_company_reach r
        set kind = n.kind, siret = n.siret, disp_code = n.disp_code, region_code = n.region_code,
            department_code = n.department_code, naf_code = n.naf_code, workforce_bracket = n.workforce_bracket,
            stage = n.stage, labels = n.labels
        from new_companies n
        where r.company_id = n.id
          and (r.kind, r.siret, r.disp_code, r.region_code, r.department_code, r.naf_code, r.workforce_bracket, r.stage,
               r.labels)
              is distinct from (n.kind, n.siret, n.disp_code, n.region_code, n.department_code, n.naf_code,
                                n.workforce_bracket, n.stage, n.labels);
    end if;
    return null;
end
$func$;

create trigger campaign_company_reach_companies_inserted
    after insert on company referencing new table as new_companies
    for each statement execute function campaign_company_reach_companies();
create trigger campaign_company_reach_companies_updated
    after update on company referencing new table as new_companies
    for each statement execute function campaign_company_reach_companies();

-- Contacts and offers: each changed row counts +1 under its new heading and -1 under its old one, summed per company in
-- one grouped update per statement (a CSV import of thousands of contacts costs one statement, not one per row). The
-- update adds to the stored figures, which stays right when two transactions change the same company at once: the
-- second waits for the first's row and adds to it.
create function campaign_company_reach_contacts() returns trigger
language plpgsql as
$func$
declare
    changed text := case tg_op
        when 'INSERT' then 'select company_id, email, email_status, 1 as n from new_contacts'
        when 'DELETE' then 'select company_id, email, email_status, -1 as n from old_contacts'
        else 'select company_id, email, email_status, 1 as n from new_contacts
              union all select company_id, email, email_status, -1 as n from old_contacts' end;
begin
    execute format($sql$
        update campaign_company_reach r
        set contacts = r.contacts + d.contacts,
            without_email = r.without_email + d.without_email,
            unsubscribed = r.unsubscribed + d.unsubscribed,
            bounced = r.bounced + d.bounced,
            active = r.active + d.active
        from (select company_id, sum(n) as contacts,
                     coalesce(sum(n) filter (where email is null), 0) as without_email,
                     coalesce(sum(n) filter (where email is not null and email_status = 'UNSUBSCRIBED'), 0) as unsubscribed,
                     coalesce(sum(n) filter (where email is not null and email_status = 'BOUNCED'), 0) as bounced,
                     coalesce(sum(n) filter (where email is not null and email_status = 'ACTIVE'), 0) as active
              from (%s) changed
              group by company_id) d
        where r.company_id = d.company_id
          -- A change that moved nothing between headings (a new phone number) writes nothing.
          and (d.contacts, d.without_email, d.unsubscribed, d.bounced, d.active) <> (0, 0, 0, 0, 0)
        $sql$, changed);
    return null;
end
$func$;

create trigger campaign_company_reach_contacts_inserted
    after insert on contact referencing new table as new_contacts
    for each statement execute function campaign_company_reach_contacts();
create trigger campaign_company_reach_contacts_updated
    after update on contact referencing old table as old_contacts new table as new_contacts
    for each statement execute function campaign_company_reach_contacts();
create trigger campaign_company_reach_contacts_deleted
    after delete on contact referencing old table as old_contacts
    for each statement execute function campaign_company_reach_contacts();

create function campaign_company_reach_offers() returns trigger
language plpgsql as
$func$
declare
    changed text := case tg_op
        when 'INSERT' then 'select company_id, 1 as n from new_offers'
        when 'DELETE' then 'select company_id, -1 as n from old_offers'
        else 'select company_id, 1 as n from new_offers union all select company_id, -1 as n from old_offers' end;
begin
    execute format($sql$
        update campaign_company_reach r set offers = r.offers + d.offers
        from (select company_id, sum(n) as offers from (%s) changed where company_id is not null group by company_id) d
        where r.company_id = d.company_id and d.offers <> 0
        $sql$, changed);
    return null;
end
$func$;

create trigger campaign_company_reach_offers_inserted
    after insert on offer referencing new table as new_offers
    for each statement execute function campaign_company_reach_offers();
create trigger campaign_company_reach_offers_updated
    after update on offer referencing old table as old_offers new table as new_offers
    for each statement execute function campaign_company_reach_offers();
create trigger campaign_company_reach_offers_deleted
    after delete on offer referencing old table as old_offers
    for each statement execute function campaign_company_reach_offers();

-- Interactions: a new one moves the latest time forward (greatest, safe when two are added at once). A changed or
-- removed one has the company's latest time read again (interaction_company_idx) after its row is locked: the reading
-- is a later statement, hence a later snapshot, and sees whatever another transaction added and committed meanwhile,
-- while one still adding waits for the lock and then applies its greatest.
create function campaign_company_reach_interactions() returns trigger
language plpgsql as
$func$
declare
    touched text := case tg_op
        when 'UPDATE' then 'select company_id from old_interactions union select company_id from new_interactions'
        else 'select distinct company_id from old_interactions' end;
begin
    if tg_op = 'INSERT' then
        update campaign_company_reach r set last_interaction_at = greatest(r.last_interaction_at, n.latest)
        from (select company_id, max(occurred_at) as latest from new_interactions group by company_id) n
        where r.company_id = n.company_id and r.last_interaction_at is distinct from greatest(r.last_interaction_at, n.latest);
        return null;
    end if;
    execute format('select 1 from campaign_company_reach r where r.company_id in (%s) order by r.company_id for update',
                   touched);
    execute format($sql$
        update campaign_company_reach r
        set last_interaction_at = (select max(i.occurred_at) from interaction i where i.company_id = r.company_id)
        where r.company_id in (%s)
        $sql$, touched);
    return null;
end
$func$;

create trigger campaign_company_reach_interactions_inserted
    after insert on interaction referencing new table as new_interactions
    for each statement execute function campaign_company_reach_interactions();
create trigger campaign_company_reach_interactions_updated
    after update on interaction referencing old table as old_interactions new table as new_interactions
    for each statement execute function campaign_company_reach_interactions();
create trigger campaign_company_reach_interactions_deleted
    after delete on interaction referencing old table as old_interactions
    for each statement execute function campaign_company_reach_interactions();

-- The figures of what is already there.
insert into campaign_company_reach (company_id, kind, siret, disp_code, region_code, department_code, naf_code,
                                    workforce_bracket, stage, labels, contacts, without_email, unsubscribed, bounced, active,
                                    offers, last_interaction_at)
select c.id, c.kind, c.siret, c.disp_code, c.region_code, c.department_code, c.naf_code, c.workforce_bracket, c.stage,
       c.labels, coalesce(k.contacts, 0), coalesce(k.without_email, 0), coalesce(k.unsubscribed, 0),
       coalesce(k.bounced, 0), coalesce(k.active, 0), coalesce(o.offers, 0), i.latest
from company c
left join (select company_id, count(*) as contacts,
                  count(*) filter (where email is null) as without_email,
                  count(*) filter (where email is not null and email_status = 'UNSUBSCRIBED') as unsubscribed,
                  count(*) filter (where email is not null and email_status = 'BOUNCED') as bounced,
                  count(*) filter (where email is not null and email_status = 'ACTIVE') as active
           from contact group by company_id) k on k.company_id = c.id
left join (select company_id, count(*) as offers from offer where company_id is not null group by company_id) o
    on o.company_id = c.id
left join (select company_id, max(occurred_at) as latest from interaction group by company_id) i on i.company_id = c.id;
