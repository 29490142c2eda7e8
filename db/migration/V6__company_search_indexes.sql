-- The companies list at a million companies (bin/benchmark-companies, README "Benchmarks").

-- Sorting by name used to compute search_text(legal_name) for every matching row (unaccent is the
-- costly part); the key is now stored.
alter table company add column name_key text generated always as (search_text(legal_name)) stored;

-- The list's order, with the columns its usual filters test (DISP, stage, sector through the NAF code,
-- label): walking the companies in name order until a page is full reads this index alone (index-only
-- scan), never the table.
create index company_name_key_idx on company (name_key, id) include (disp_code, stage, naf_code, labels);
drop index company_name_sort_idx;

-- The same filters the other way round, for combinations that match few companies: their count and
-- their page ids come from this index alone too.
create index company_disp_stage_naf_idx on company (disp_code, stage, naf_code) include (name_key, id, labels);
drop index company_disp_stage_idx;
