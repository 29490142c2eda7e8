-- Reference data: DISP, regions, departments, establishments, NAF, ROME.
-- Rows are loaded and updated from db/reference/ by the repeatable reference-data migration.
-- Codes are the published ones; a code that leaves its file is marked inactive, never deleted.

create table disp (
    code        text primary key,
    name        text not null,
    seat        text not null,
    active      boolean not null default true
);

create table region (
    code              text primary key,
    name              text not null,
    seat_commune_code text not null,
    zone              text not null,
    disp_code         text not null references disp (code),
    active            boolean not null default true,
    constraint region_code_format check (code ~ '^[0-9]{2}$'),
    constraint region_seat_format check (seat_commune_code ~ '^([0-9]{2}|2A|2B)[0-9]{3}$'),
    constraint region_zone check (zone in ('metro', 'drom'))
);

create table department (
    code              text primary key,
    name              text not null,
    region_code       text not null references region (code),
    seat_commune_code text not null,
    zone              text not null,
    disp_code         text not null references disp (code),
    active            boolean not null default true,
    constraint department_code_format check (code ~ '^([0-9]{2}|2A|2B|97[0-9])$'),
    constraint department_seat_format check (seat_commune_code ~ '^([0-9]{2}|2A|2B)[0-9]{3}$'),
    constraint department_zone check (zone in ('metro', 'drom'))
);
create index department_region_idx on department (region_code);

-- Collectivités d'outre-mer (COM): no department; some have no DISP (no population to serve).
create table overseas_collectivity (
    code      text primary key,
    name      text not null,
    disp_code text references disp (code),
    active    boolean not null default true,
    constraint overseas_collectivity_code_format check (code ~ '^9[78][0-9]$')
);

create table establishment_type (
    code   text primary key,
    label  text not null,
    active boolean not null default true,
    constraint establishment_type_code_format check (code ~ '^[A-Z]{2,4}$')
);

create table establishment (
    id                         bigint generated always as identity primary key,
    -- The DGAP label (e.g. 'CP FRESNES'): the key the statistics use.
    code                       text not null unique,
    type_code                  text not null references establishment_type (code),
    -- The official name in the DILA directory, when the crosswalk matched it.
    directory_name             text,
    name                       text not null generated always as (coalesce(directory_name, code)) stored,
    directory_note             text,
    disp_code                  text not null references disp (code),
    quarters                   text[] not null default '{}',
    commune_code               text not null,
    commune                    text not null,
    department_code            text references department (code),
    region_code                text references region (code),
    overseas_collectivity_code text references overseas_collectivity (code),
    address                    text,
    postcode                   text,
    city                       text,
    latitude                   double precision,
    longitude                  double precision,
    map_id                     text,
    quality_note               text,
    active                     boolean not null default true,
    constraint establishment_commune_format check (commune_code ~ '^([0-9]{2}|2A|2B)[0-9]{3}$'),
    constraint establishment_postcode_format check (postcode ~ '^[0-9]{5}$'),
    constraint establishment_located check ((department_code is null) <> (overseas_collectivity_code is null)),
    constraint establishment_department_has_region check ((department_code is null) = (region_code is null)),
    constraint establishment_coordinates check ((latitude is null) = (longitude is null)
        and (latitude is null or (latitude between -90 and 90 and longitude between -180 and 180)))
);
create index establishment_disp_idx on establishment (disp_code);
create index establishment_type_idx on establishment (type_code);
create index establishment_department_idx on establishment (department_code);
create index establishment_name_search_idx on establishment using gin (search_text(name) gin_trgm_ops);
create index establishment_commune_search_idx on establishment using gin (search_text(commune) gin_trgm_ops);

-- NAF rév. 2 (INSEE): 21 sections (A–U), 88 divisions, 732 sub-classes ('42.21Z').
create table naf_section (
    code   text primary key,
    label  text not null,
    active boolean not null default true,
    constraint naf_section_code_format check (code ~ '^[A-Z]$')
);

create table naf_division (
    code         text primary key,
    label        text not null,
    section_code text not null references naf_section (code),
    active       boolean not null default true,
    constraint naf_division_code_format check (code ~ '^[0-9]{2}$')
);

create table naf_sub_class (
    code          text primary key,
    label         text not null,
    label_65      text not null,
    label_40      text not null,
    class_code    text not null,
    group_code    text not null,
    division_code text not null references naf_division (code),
    section_code  text not null references naf_section (code),
    active        boolean not null default true,
    constraint naf_sub_class_code_format check (code ~ '^[0-9]{2}\.[0-9]{2}[A-Z]$'),
    constraint naf_sub_class_class_format check (class_code ~ '^[0-9]{2}\.[0-9]{2}$' and code like class_code || '_'),
    constraint naf_sub_class_group_format check (group_code ~ '^[0-9]{2}\.[0-9]$' and class_code like group_code || '_'),
    constraint naf_sub_class_in_division check (left(code, 2) = division_code)
);
create index naf_sub_class_section_idx on naf_sub_class (section_code);
create index naf_sub_class_label_search_idx on naf_sub_class using gin (search_text(label) gin_trgm_ops);

-- ROME 4.0 (France Travail): 14 families (grands domaines), 110 domains, 1,584 job sheets ('F1603').
create table rome_family (
    code   text primary key,
    label  text not null,
    active boolean not null default true,
    constraint rome_family_code_format check (code ~ '^[A-Z]$')
);

create table rome_domain (
    code        text primary key,
    label       text not null,
    family_code text not null references rome_family (code),
    active      boolean not null default true,
    constraint rome_domain_code_format check (code ~ '^[A-Z][0-9]{2}$'),
    constraint rome_domain_in_family check (left(code, 1) = family_code)
);

create table rome_job (
    code                   text primary key,
    label                  text not null,
    family_code            text not null references rome_family (code),
    domain_code            text not null references rome_domain (code),
    -- The ROME v3 sheet this one descends from; equal to code for the 532 historical v3 codes.
    parent_code            text not null references rome_job (code),
    ogr_code               text not null,
    sheet_code             text not null,
    ecological_transition  text,
    digital_transition     boolean,
    demographic_transition boolean,
    regulated              boolean,
    executive              boolean,
    active                 boolean not null default true,
    constraint rome_job_code_format check (code ~ '^[A-Z][0-9]{4}$'),
    constraint rome_job_in_domain check (left(code, 3) = domain_code and left(code, 1) = family_code)
);
create index rome_job_domain_idx on rome_job (domain_code);
create index rome_job_label_search_idx on rome_job using gin (search_text(label) gin_trgm_ops);
