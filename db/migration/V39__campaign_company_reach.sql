-- Campaign segments (issue 12): what a segment's count needs of each company, kept up to date by triggers, so that
-- counting a national segment reads some 200,000 company rows instead of a million contacts (decision record 022).
-- Partner's tables are read here, never written; the rows below are the campaign module's own.
create table campaign_company_reach (
    company_id          bigint primary key references company (id) on delete cascade,
    -- The company's contacts, each under one heading, in the order the count gives why a contact is left out:
    -- no address, then its status.
    contacts            integer not null default 0,
    without_email       integer not null default 0,
    unsubscribed        integer not null default 0,
    bounced             integer not null default 0,
    -- With an address and the status ACTIVE: written to, unless the address is on the opt-out list while the
    -- contact's status is not yet in step (the count takes those off from mail_opt_out itself).
    active              integer not null default 0,
    -- The latest interaction's time (null: none), for "no interaction for N months".
    last_interaction_at timestamptz,
    constraint campaign_company_reach_sum check (contacts = without_email + unsubscribed + bounced + active),
    constraint campaign_company_reach_not_negative check (least(without_email, unsubscribed, bounced, active) >= 0)
);

-- Contacts: one statement-level trigger per kind of change, reading the statement's rows (transition tables) once, so
-- that a CSV import of thousands of contacts adds one grouped update, not one per row. Each changed row counts +1
-- under its new heading and -1 under its old one; the update adds to the stored figures, which stays right when two
-- transactions change contacts of the same company at once (the second waits for the first's row and adds to it).
create function campaign_company_reach_contacts() returns trigger
language plpgsql as
$func$
declare
    changed text := case tg_op
        when 'INSERT' then 'select company_id, email, email_status, 1 as n from new_contacts'
        when 'DELETE' then 'select company_id, email, email_status, -1 as n from old_contacts'
        else 'select company_id, email, email_status, 1 as n from new_contacts
              union all select company_id, email, email_status, -1 as n from old_contacts' end;
    delta text := format($sql$
        select company_id, contacts, without_email, unsubscribed, bounced, active
        from (select company_id, sum(n) as contacts,
                     coalesce(sum(n) filter (where email is null), 0) as without_email,
                     coalesce(sum(n) filter (where email is not null and email_status = 'UNSUBSCRIBED'), 0) as unsubscribed,
                     coalesce(sum(n) filter (where email is not null and email_status = 'BOUNCED'), 0) as bounced,
                     coalesce(sum(n) filter (where email is not null and email_status = 'ACTIVE'), 0) as active
              from (%s) changed
              group by company_id) delta
        -- An update that moved nothing between headings (a new phone number) writes nothing.
        where (contacts, without_email, unsubscribed, bounced, active) <> (0, 0, 0, 0, 0)
        $sql$, changed);
begin
    if tg_op <> 'DELETE' then
        -- A company's first contact: its row, at zero (a change is never inserted as such: its figures may be negative).
        execute format('insert into campaign_company_reach (company_id) select company_id from (%s) d order by company_id
                        on conflict (company_id) do nothing', delta);
    end if;
    execute format($sql$
        update campaign_company_reach r
        set contacts = r.contacts + d.contacts,
            without_email = r.without_email + d.without_email,
            unsubscribed = r.unsubscribed + d.unsubscribed,
            bounced = r.bounced + d.bounced,
            active = r.active + d.active
        from (%s) d where r.company_id = d.company_id
        $sql$, delta);
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
        insert into campaign_company_reach as r (company_id, last_interaction_at)
        select company_id, max(occurred_at) from new_interactions group by company_id order by company_id
        on conflict (company_id) do update
            set last_interaction_at = greatest(r.last_interaction_at, excluded.last_interaction_at)
            where r.last_interaction_at is distinct from greatest(r.last_interaction_at, excluded.last_interaction_at);
        return null;
    end if;
    execute format('select 1 from campaign_company_reach r where r.company_id in (%s) order by r.company_id for update',
                   touched);
    execute format($sql$
        insert into campaign_company_reach as r (company_id, last_interaction_at)
        select t.company_id, (select max(i.occurred_at) from interaction i where i.company_id = t.company_id)
        from (%s) t order by t.company_id
        on conflict (company_id) do update set last_interaction_at = excluded.last_interaction_at
            where r.last_interaction_at is distinct from excluded.last_interaction_at
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

-- The figures of the contacts and interactions already there.
insert into campaign_company_reach (company_id, contacts, without_email, unsubscribed, bounced, active)
select company_id, count(*),
       count(*) filter (where email is null),
       count(*) filter (where email is not null and email_status = 'UNSUBSCRIBED'),
       count(*) filter (where email is not null and email_status = 'BOUNCED'),
       count(*) filter (where email is not null and email_status = 'ACTIVE')
from contact group by company_id;
insert into campaign_company_reach as r (company_id, last_interaction_at)
select company_id, max(occurred_at) from interaction group by company_id
on conflict (company_id) do update set last_interaction_at = excluded.last_interaction_at;
