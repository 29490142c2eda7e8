-- Workshop catalogue: the spaces an establishment offers to a company that wants to run a workshop
-- inside it, and the "Je suis intéressé" requests companies send about them from the public portal.

create table workshop_space (
    id                bigint generated always as identity primary key,
    establishment_id  bigint not null references establishment (id),
    label             text not null,
    area_m2           integer not null,
    storage_m2        integer,
    loading_dock      boolean not null default false,
    current_activity  text,
    activity_category text not null,
    availability      text not null,
    available_from    date,
    -- The referent a company is told to contact; null where the DISP has no referent account yet.
    referent_id       bigint references app_user (id),
    notes             text,
    public_listing    boolean not null default false,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           bigint not null default 0,
    constraint workshop_space_label_present check (length(btrim(label)) between 1 and 120),
    constraint workshop_space_area check (area_m2 > 0 and area_m2 <= 100000),
    constraint workshop_space_storage check (storage_m2 is null or storage_m2 between 0 and 100000),
    constraint workshop_space_current_activity check (current_activity is null or length(current_activity) <= 200),
    constraint workshop_space_activity_category check (activity_category in
        ('ASSEMBLY', 'PACKAGING', 'WOODWORK', 'METALWORK', 'TEXTILE', 'FOOD', 'DIGITAL', 'RECYCLING', 'SERVICES', 'OTHER')),
    constraint workshop_space_availability check (availability in ('AVAILABLE', 'AVAILABLE_FROM', 'OCCUPIED')),
    constraint workshop_space_available_from check ((availability = 'AVAILABLE_FROM') = (available_from is not null)),
    constraint workshop_space_notes check (notes is null or length(notes) <= 1000)
);
create index workshop_space_establishment_idx on workshop_space (establishment_id);
create index workshop_space_public_idx on workshop_space (establishment_id) where public_listing;
create index workshop_space_referent_idx on workshop_space (referent_id);

-- The contact must be a referent (R2IP) of the establishment's DISP: a check cannot read other tables.
-- Checked when either changes (a referent who later moves to another DISP does not lock the row; the
-- service asks for a new contact at the next edit).
create or replace function workshop_space_check_referent() returns trigger
    language plpgsql
as $func$
begin
    if new.referent_id is not null
            and (tg_op = 'INSERT' or new.referent_id is distinct from old.referent_id
                 or new.establishment_id is distinct from old.establishment_id)
            and not exists (
            select 1 from app_user u join establishment e on e.id = new.establishment_id
            where u.id = new.referent_id and u.role = 'REFERENT' and u.disp_code = e.disp_code) then
        raise exception 'workshop_space_referent_of_disp: user % is not a referent of the establishment''s DISP', new.referent_id
            using errcode = '23514', constraint = 'workshop_space_referent_of_disp';
    end if;
    new.updated_at := now();
    return new;
end
$func$;
create trigger workshop_space_check_referent
    before insert or update on workshop_space
    for each row execute function workshop_space_check_referent();

create table workshop_interest (
    id            bigint generated always as identity primary key,
    -- Handled and dismissed requests go with their space; the service refuses to delete a space with pending ones.
    space_id      bigint not null references workshop_space (id) on delete cascade,
    -- The DISP of the space's establishment, set by the trigger below: whose referents' queue it lands in.
    disp_code     text not null references disp (code),
    company_name  text not null,
    siret         text,
    contact_name  text not null,
    email         text not null,
    phone         text,
    message       text,
    status        text not null default 'PENDING',
    created_at    timestamptz not null default now(),
    handled_by    bigint references app_user (id),
    handled_at    timestamptz,
    constraint workshop_interest_company_name check (length(btrim(company_name)) between 1 and 200),
    constraint workshop_interest_siret check (siret is null or siret_is_valid(siret)),
    constraint workshop_interest_contact_name check (length(btrim(contact_name)) between 1 and 120),
    constraint workshop_interest_email check (length(email) <= 254 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    constraint workshop_interest_phone check (phone is null or phone ~ '^\+[1-9][0-9]{7,14}$'),
    constraint workshop_interest_message check (message is null or length(message) <= 2000),
    constraint workshop_interest_status check (status in ('PENDING', 'HANDLED', 'DISMISSED')),
    constraint workshop_interest_handled check ((status = 'PENDING') = (handled_at is null)
        and (status = 'PENDING' and handled_by is null or status <> 'PENDING'))
);
create index workshop_interest_pending_idx on workshop_interest (disp_code, created_at) where status = 'PENDING';
create index workshop_interest_space_idx on workshop_interest (space_id);

create or replace function workshop_interest_derive_disp() returns trigger
    language plpgsql
as $func$
begin
    select e.disp_code into new.disp_code
    from workshop_space s join establishment e on e.id = s.establishment_id
    where s.id = new.space_id;
    return new;
end
$func$;
create trigger workshop_interest_derive_disp
    before insert or update of space_id on workshop_interest
    for each row execute function workshop_interest_derive_disp();

-- Audit (Envers): who changed which space.
create table workshop_space_aud (
    id                bigint not null,
    rev               bigint not null references audit_revision (id),
    revtype           smallint,
    establishment_id  bigint,
    label             text,
    area_m2           integer,
    storage_m2        integer,
    loading_dock      boolean,
    current_activity  text,
    activity_category text,
    availability      text,
    available_from    date,
    referent_id       bigint,
    notes             text,
    public_listing    boolean,
    primary key (id, rev)
);
create index workshop_space_aud_establishment_idx on workshop_space_aud (establishment_id);
