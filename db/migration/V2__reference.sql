-- Reference data: DISP, regions, departments, establishments, NAF, ROME.
-- Rows are loaded and updated from db/reference/ by the repeatable reference-data migration.

create table disp (
    code        text primary key,
    name        text not null,
    seat        text not null,
    active      boolean not null default true
);
