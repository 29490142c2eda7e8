-- Organisations (issue 11, decision record 015): federations, training bodies and CFAs, funders, employment
-- services, SPIP and associations are partners like companies, told apart by a kind. Every existing row is a
-- company. A company is identified by its SIRET; another organisation may have none (a SPIP, a federation
-- registered as an association without establishment), but a SIRET that is given is still valid and unique
-- (company_siret_valid and company_siret_key from V5 let nulls through and keep checking the rest).
alter table company add column kind text not null default 'COMPANY';
alter table company add constraint company_kind check (kind in
    ('COMPANY', 'FEDERATION', 'TRAINING_BODY', 'FUNDER', 'EMPLOYMENT_SERVICE', 'SPIP', 'ASSOCIATION'));
alter table company alter column siret drop not null;
alter table company add constraint company_siret_required_for_companies check (kind <> 'COMPANY' or siret is not null);

-- The organisations are few among a million companies: picking one by kind and name (the cohorts' partners, the
-- list's Organisations entry) walks this index in name order.
create index company_organisation_name_idx on company (kind, name_key, id) where kind <> 'COMPANY';

alter table company_aud add column kind text;
update company_aud set kind = 'COMPANY';

-- A merged organisation may have had no SIRET: the merge now remembers the merged row's id, which the history
-- follows to show the merged row's own trail (older merges are still found by their SIRET).
alter table company_merge alter column merged_siret drop not null;
alter table company_merge add column merged_id bigint;
create index company_merge_merged_idx on company_merge (merged_id);
