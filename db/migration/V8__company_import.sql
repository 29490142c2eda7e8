-- CSV import of companies and contacts (issue 4).

-- Every import that wrote something, and every dry run is not recorded: who, when, which file, what it did.
create table company_import (
    id          bigint generated always as identity primary key,
    imported_by text        not null,
    imported_at timestamptz not null default now(),
    file_name   text        not null,
    mode        text        not null,
    rows_read   integer     not null,
    created     integer     not null,
    updated     integer     not null,
    unchanged   integer     not null,
    rejected    integer     not null,
    -- The audit revision of the import's changes (company_aud, contact_aud): the history shows them like manual edits.
    revision_id bigint references audit_revision (id),
    constraint company_import_mode check (mode in ('ALL_OR_NOTHING', 'VALID_ROWS_ONLY')),
    constraint company_import_counts check (least(rows_read, created, updated, unchanged, rejected) >= 0)
);
create index company_import_imported_at_idx on company_import (imported_at desc);

-- A column mapping saved for the next file of the same source ("CCI Bourgogne", "Salon BTP"): the file's
-- headers, as compared (no accents, no case, no punctuation), each with the field it fills.
create table import_mapping (
    id         bigint generated always as identity primary key,
    name       text        not null,
    columns    jsonb       not null,
    saved_by   text        not null,
    saved_at   timestamptz not null default now(),
    constraint import_mapping_name_present check (length(btrim(name)) > 0),
    constraint import_mapping_columns_object check (jsonb_typeof(columns) = 'object')
);
create unique index import_mapping_name_key on import_mapping (lower(name));

-- The SIRET check runs on every company written (a CHECK constraint). As PL/pgSQL loops it cost about
-- 20 µs a row, the largest single cost of an import; the same rules as one SQL expression are inlined by
-- the planner and cost about 4 µs. Same rules: Luhn on the SIREN and on the SIRET, except La Poste
-- (SIREN 356 000 000), whose SIRETs have digits summing to a multiple of 5.
create or replace function siret_is_valid(siret text) returns boolean
    language sql immutable parallel safe
return siret ~ '^[0-9]{14}$' and case
    when left(siret, 9) = '356000000' then
        ((ascii(substr(siret, 1, 1)) - 48) + (ascii(substr(siret, 2, 1)) - 48) + (ascii(substr(siret, 3, 1)) - 48)
         + (ascii(substr(siret, 4, 1)) - 48) + (ascii(substr(siret, 5, 1)) - 48) + (ascii(substr(siret, 6, 1)) - 48)
         + (ascii(substr(siret, 7, 1)) - 48) + (ascii(substr(siret, 8, 1)) - 48) + (ascii(substr(siret, 9, 1)) - 48)
         + (ascii(substr(siret, 10, 1)) - 48) + (ascii(substr(siret, 11, 1)) - 48) + (ascii(substr(siret, 12, 1)) - 48)
         + (ascii(substr(siret, 13, 1)) - 48) + (ascii(substr(siret, 14, 1)) - 48)) % 5 = 0
    else
        -- SIREN: the 2nd, 4th, 6th and 8th digits doubled (digit sums: 0 2 4 6 8 1 3 5 7 9).
        ((ascii(substr(siret, 1, 1)) - 48) + ('{0,2,4,6,8,1,3,5,7,9}'::int[])[ascii(substr(siret, 2, 1)) - 47]
         + (ascii(substr(siret, 3, 1)) - 48) + ('{0,2,4,6,8,1,3,5,7,9}'::int[])[ascii(substr(siret, 4, 1)) - 47]
         + (ascii(substr(siret, 5, 1)) - 48) + ('{0,2,4,6,8,1,3,5,7,9}'::int[])[ascii(substr(siret, 6, 1)) - 47]
         + (ascii(substr(siret, 7, 1)) - 48) + ('{0,2,4,6,8,1,3,5,7,9}'::int[])[ascii(substr(siret, 8, 1)) - 47]
         + (ascii(substr(siret, 9, 1)) - 48)) % 10 = 0
        -- SIRET: the odd positions doubled.
        and (('{0,2,4,6,8,1,3,5,7,9}'::int[])[ascii(substr(siret, 1, 1)) - 47] + (ascii(substr(siret, 2, 1)) - 48)
         + ('{0,2,4,6,8,1,3,5,7,9}'::int[])[ascii(substr(siret, 3, 1)) - 47] + (ascii(substr(siret, 4, 1)) - 48)
         + ('{0,2,4,6,8,1,3,5,7,9}'::int[])[ascii(substr(siret, 5, 1)) - 47] + (ascii(substr(siret, 6, 1)) - 48)
         + ('{0,2,4,6,8,1,3,5,7,9}'::int[])[ascii(substr(siret, 7, 1)) - 47] + (ascii(substr(siret, 8, 1)) - 48)
         + ('{0,2,4,6,8,1,3,5,7,9}'::int[])[ascii(substr(siret, 9, 1)) - 47] + (ascii(substr(siret, 10, 1)) - 48)
         + ('{0,2,4,6,8,1,3,5,7,9}'::int[])[ascii(substr(siret, 11, 1)) - 47] + (ascii(substr(siret, 12, 1)) - 48)
         + ('{0,2,4,6,8,1,3,5,7,9}'::int[])[ascii(substr(siret, 13, 1)) - 47] + (ascii(substr(siret, 14, 1)) - 48)) % 10 = 0
    end;
