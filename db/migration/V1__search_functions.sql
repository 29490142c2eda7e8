-- Search that people type into ignores accents and case: "chateaudun" finds "Châteaudun".
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only stable; an immutable wrapper with an explicit dictionary can back indexes.
create or replace function search_text(value text) returns text
    language sql immutable parallel safe strict
as $func$
select lower(public.unaccent('public.unaccent'::regdictionary, value))
$func$;
