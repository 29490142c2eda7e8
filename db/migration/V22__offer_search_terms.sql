-- The offers search by word prefix, as the companies search (decision records 006 and 014): "soud" finds
-- "Soudeur" and "Soudure", "hotel" the offers of "Hôtel du Lac", "f1603" those of that ROME trade.
--
-- The trigram search it replaces could not return its matches newest first: at a million offers, a common word
-- read some 10,000 table pages for its page and its capped count (p95 0.4–0.5 s). Here each word of an offer's
-- title, company names (or declared name), ROME code and label is a row of offer_search_term with the offer's
-- creation time, and the btree (term, created_at, offer_id) hands out the matches of one word newest first, from
-- the index alone. The DISP and the state, the filters a referent always has (their DISP is preset) and most
-- often adds, ride along in the index and are checked there too.

create table offer_search_term (
    term       text collate "C" not null,
    created_at timestamptz      not null,
    offer_id   bigint           not null,
    disp_code  text,
    status     text             not null,
    constraint offer_search_term_pkey primary key (term, created_at, offer_id) include (disp_code, status)
);
-- Rewriting one offer's terms, and checking the other words of a search.
create index offer_search_term_offer_idx on offer_search_term (offer_id, term);

-- The terms of some offers written again from their rows as they are now (their title, company or declared name
-- or ROME trade changed).
create function offer_search_terms_rewrite(ids bigint[]) returns void
    language sql
as $func$
delete from offer_search_term t where t.offer_id = any(ids);
insert into offer_search_term (term, created_at, offer_id, disp_code, status)
select x.term, o.created_at, o.id, o.disp_code, o.status
from offer o
cross join lateral unnest(search_terms(offer_search_document(o.title, o.company_id, o.rome_code, o.id))) as x(term)
where o.id = any(ids);
$func$;

-- Statement-level triggers with transition tables: a COPY or an import writes the terms of all its offers in one
-- statement.
create function offer_search_terms_insert() returns trigger
    language plpgsql
as $func$
begin
    insert into offer_search_term (term, created_at, offer_id, disp_code, status)
    select x.term, n.created_at, n.id, n.disp_code, n.status
    from inserted n
    cross join lateral unnest(search_terms(offer_search_document(n.title, n.company_id, n.rome_code, n.id))) as x(term);
    return null;
end
$func$;

create function offer_search_terms_update() returns trigger
    language plpgsql
as $func$
begin
    -- The words changed: the offer's terms are written again.
    perform offer_search_terms_rewrite(array(
        select n.id from inserted n join removed o on o.id = n.id
        where (n.title, n.company_id, n.rome_code, n.created_at) is distinct from (o.title, o.company_id, o.rome_code, o.created_at)));
    -- Only the DISP or the state changed (a validation, an expiry, new target establishments): the terms follow.
    update offer_search_term t set disp_code = n.disp_code, status = n.status
    from inserted n join removed o on o.id = n.id
    where t.offer_id = n.id
      and (n.title, n.company_id, n.rome_code, n.created_at) is not distinct from (o.title, o.company_id, o.rome_code, o.created_at)
      and (n.disp_code, n.status) is distinct from (o.disp_code, o.status);
    return null;
end
$func$;

create function offer_search_terms_delete() returns trigger
    language plpgsql
as $func$
begin
    delete from offer_search_term t using removed o where t.offer_id = o.id;
    return null;
end
$func$;

create trigger offer_search_terms_insert after insert on offer
    referencing new table as inserted for each statement execute function offer_search_terms_insert();
create trigger offer_search_terms_update after update on offer
    referencing old table as removed new table as inserted for each statement execute function offer_search_terms_update();
create trigger offer_search_terms_delete after delete on offer
    referencing old table as removed for each statement execute function offer_search_terms_delete();

-- A company renamed: its offers are found under the new name. Only when a name changed.
create or replace function offer_company_renamed() returns trigger
    language plpgsql
as $func$
begin
    perform offer_search_terms_rewrite(array(
        select o.id from offer o join inserted n on n.id = o.company_id join removed p on p.id = n.id
        where (n.legal_name, n.trade_name) is distinct from (p.legal_name, p.trade_name)));
    return null;
end
$func$;

-- The declaration is written right after its offer: the offer's terms then take the declared company's name.
create or replace function offer_declaration_named() returns trigger
    language plpgsql
as $func$
begin
    perform offer_search_terms_rewrite(array(select o.id from offer o where o.id = new.offer_id and o.company_id is null));
    return null;
end
$func$;

-- The search document column and its trigram index are no longer read by anything.
create or replace function offer_derive() returns trigger
    language plpgsql
as $func$
begin
    new.disp_code := offer_disp(new.department_code, new.id);
    return new;
end
$func$;
drop index offer_search_idx;
alter table offer drop column search_document;

insert into offer_search_term (term, created_at, offer_id, disp_code, status)
select x.term, o.created_at, o.id, o.disp_code, o.status
from offer o
cross join lateral unnest(search_terms(offer_search_document(o.title, o.company_id, o.rome_code, o.id))) as x(term);
