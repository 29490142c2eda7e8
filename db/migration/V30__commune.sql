-- Communes with a point each (INSEE COG 2026 codes, the centre of each commune's bounding box): the places that
-- offers and establishments name, so that distances are computed here without any remote service
-- (db/reference/README.md, decision record 017). Rows are loaded from db/reference/communes_coordonnees.csv by the
-- repeatable reference-data migration.

-- A commune's name as people type it: accents, case, hyphens and apostrophes ignored, "St"/"Ste" for
-- "Saint"/"Sainte" ("saint etienne", "ST-ETIENNE" and "Saint-Étienne" are one key).
create function commune_key(name text) returns text
    language sql immutable parallel safe strict
return btrim(regexp_replace(regexp_replace(regexp_replace(
        regexp_replace(search_text(name), '[^a-z0-9]+', ' ', 'g'),
        '(^| )st( |$)', '\1saint\2', 'g'), '(^| )ste( |$)', '\1sainte\2', 'g'), ' +', ' ', 'g'));

create table commune (
    code            text primary key,
    name            text not null,
    -- The department (2 or 3 characters), or for the overseas collectivities their code (975 … 988).
    department_code text not null,
    latitude        double precision not null,
    longitude       double precision not null,
    name_key        text not null generated always as (commune_key(name)) stored,
    active          boolean not null default true,
    constraint commune_code_format check (code ~ '^([0-9]{2}|2A|2B)[0-9]{3}$'),
    constraint commune_department_format check (department_code ~ '^([0-9]{2}|2A|2B|9[78][0-9])$'
        and code like department_code || '%'),
    constraint commune_name_present check (length(btrim(name)) between 1 and 100),
    constraint commune_coordinates check (latitude between -90 and 90 and longitude between -180 and 180)
);
-- A typed name resolved within its department.
create index commune_department_name_idx on commune (department_code, name_key);

-- The great-circle distance in kilometres between two points (haversine, mean Earth radius 6,371.0088 km); null
-- when a point is. Not strict, so that the planner inlines it into the queries that rank thousands of offers.
create function great_circle_km(latitude1 double precision, longitude1 double precision,
                                latitude2 double precision, longitude2 double precision) returns double precision
    language sql immutable parallel safe
return 2 * 6371.0088 * atan2(
        sqrt(power(sin(radians(latitude2 - latitude1) / 2), 2)
             + cos(radians(latitude1)) * cos(radians(latitude2)) * power(sin(radians(longitude2 - longitude1) / 2), 2)),
        sqrt(greatest(0, 1 - power(sin(radians(latitude2 - latitude1) / 2), 2)
             - cos(radians(latitude1)) * cos(radians(latitude2)) * power(sin(radians(longitude2 - longitude1) / 2), 2))));
