-- The companies search by word prefix (decision record 006): "hotel" finds "Hôtel du Lac" and
-- "Hôtellerie Martin", "lyon" finds the companies of Lyon, "1300" the SIRETs that start with it.
--
-- The trigram search it replaces had to read every match in the table to sort them by name ("hotel"
-- matches one company in fifty: 350 ms at a million companies). Here each word of a company's names,
-- commune and SIRET is a row of company_search_term with the company's name key, and the btree
-- (term, name_key, company_id) hands out the matches of a word already in name order, from the index
-- alone: the first page of a search reads about fifty index entries per matching word.

-- The words of a text as the search sees them: accents and case removed, split on anything that is
-- not a letter or a digit ("Saint-Étienne" → saint, etienne; "L'Œuvre" → l, oeuvre), each word once.
create function search_terms(document text) returns text[]
    language sql immutable parallel safe strict
return array(select distinct term
             from regexp_split_to_table(search_text(document), '[^[:alnum:]]+') as term
             where term <> ''
             order by term);

create function company_search_document(legal_name text, trade_name text, commune text, siret text) returns text
    language sql immutable parallel safe
return concat_ws(' ', legal_name, trade_name, commune, siret);

-- "C" collation: terms compare byte by byte, so a prefix is a range (term >= 'hotel' and term < 'hotem').
create table company_search_term (
    term       text collate "C" not null,
    name_key   text             not null,
    company_id bigint           not null,
    constraint company_search_term_pkey primary key (term, name_key, company_id)
);
-- Keeping the terms of one company up to date, and checking a second word of the search.
create index company_search_term_company_idx on company_search_term (company_id, term);

-- Statement-level triggers with transition tables: a bulk insert or import writes the terms of all its
-- companies in one statement rather than one company at a time.
create function company_search_terms_insert() returns trigger
    language plpgsql
as $func$
begin
    insert into company_search_term (term, name_key, company_id)
    select t.term, n.name_key, n.id
    from inserted n
    cross join lateral unnest(search_terms(company_search_document(n.legal_name, n.trade_name, n.commune, n.siret))) as t(term);
    return null;
end
$func$;

create function company_search_terms_update() returns trigger
    language plpgsql
as $func$
begin
    -- Only the companies whose names, commune or SIRET changed: moving a card on the board rewrites nothing.
    delete from company_search_term t
    using inserted n
    join removed o on o.id = n.id
    where t.company_id = n.id
      and (n.legal_name, n.trade_name, n.commune, n.siret) is distinct from (o.legal_name, o.trade_name, o.commune, o.siret);
    insert into company_search_term (term, name_key, company_id)
    select t.term, n.name_key, n.id
    from inserted n
    join removed o on o.id = n.id
    cross join lateral unnest(search_terms(company_search_document(n.legal_name, n.trade_name, n.commune, n.siret))) as t(term)
    where (n.legal_name, n.trade_name, n.commune, n.siret) is distinct from (o.legal_name, o.trade_name, o.commune, o.siret);
    return null;
end
$func$;

create function company_search_terms_delete() returns trigger
    language plpgsql
as $func$
begin
    delete from company_search_term t using removed o where t.company_id = o.id;
    return null;
end
$func$;

create trigger company_search_terms_insert after insert on company
    referencing new table as inserted for each statement execute function company_search_terms_insert();
create trigger company_search_terms_update after update on company
    referencing old table as removed new table as inserted for each statement execute function company_search_terms_update();
create trigger company_search_terms_delete after delete on company
    referencing old table as removed for each statement execute function company_search_terms_delete();

insert into company_search_term (term, name_key, company_id)
select t.term, c.name_key, c.id
from company c
cross join lateral unnest(search_terms(company_search_document(c.legal_name, c.trade_name, c.commune, c.siret))) as t(term);

-- The trigram index and the document it indexed are no longer read by anything.
drop index company_search_idx;
alter table company drop column search_document;
