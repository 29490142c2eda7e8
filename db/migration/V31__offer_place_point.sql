-- An offer's place as a point, for the suggestions of offers to a cohort (decision record 017).
--
-- A job at release or an apprenticeship names a commune in free text within its department: commune_code is the
-- commune that name designates there (accents, case, hyphens ignored: "saint etienne" is Saint-Étienne, 42218),
-- null when no commune or several have that name; its point is that commune's, or else the department's centre
-- (its prefecture's point). A workshop or subcontracting offer takes place in its target establishments: its point
-- is its first target's commune (by id, like its DISP); the suggestions measure the distance to each target.
-- All three columns are derived by the triggers below, never typed.
alter table offer
    add column commune_code text references commune (code),
    add column latitude     double precision,
    add column longitude    double precision;

-- The active commune of that department whose name is the typed one; null when none or several.
create function commune_named(typed_name text, in_department text) returns text
    language sql stable parallel safe
return (select min(c.code) from commune c
        where c.department_code = in_department and c.name_key = commune_key(typed_name) and c.active
        having count(*) = 1);

create function offer_locate() returns trigger
    language plpgsql
as $func$
begin
    if new.department_code is not null then
        new.commune_code := commune_named(new.commune, new.department_code);
        select c.latitude, c.longitude into new.latitude, new.longitude
        from commune c
        where c.code = coalesce(new.commune_code,
                                (select d.seat_commune_code from department d where d.code = new.department_code));
    else
        new.commune_code := null;
        -- None yet while the statement that writes the offer comes before its establishments' (V11): their insert
        -- updates the offer, which runs this again.
        select c.latitude, c.longitude into new.latitude, new.longitude
        from offer_establishment oe join establishment e on e.id = oe.establishment_id join commune c on c.code = e.commune_code
        where oe.offer_id = new.id
        order by e.id limit 1;
    end if;
    return new;
end
$func$;
create trigger offer_locate before insert or update on offer for each row execute function offer_locate();

-- Communes loaded, renamed or moved (the reference files changed): the offers of their departments, and those
-- targeting an establishment there, are located again. The first load of the communes locates every existing offer.
create function commune_changed() returns trigger
    language plpgsql
as $func$
begin
    if exists (select 1 from changed) then
        update offer o set latitude = null
        where o.department_code in (select distinct c.department_code from changed c)
           or o.id in (select oe.offer_id from offer_establishment oe join establishment e on e.id = oe.establishment_id
                       where e.commune_code in (select c.code from changed c));
    end if;
    return null;
end
$func$;
create trigger commune_inserted after insert on commune
    referencing new table as changed for each statement execute function commune_changed();
create trigger commune_updated after update on commune
    referencing new table as changed for each statement execute function commune_changed();

-- An establishment moved to another commune: the offers that target it follow.
create function establishment_relocated() returns trigger
    language plpgsql
as $func$
begin
    update offer o set latitude = null
    where o.id in (select oe.offer_id from offer_establishment oe
                   join inserted n on n.id = oe.establishment_id join removed p on p.id = n.id
                   where n.commune_code is distinct from p.commune_code);
    return null;
end
$func$;
create trigger establishment_relocated after update on establishment
    referencing old table as removed new table as inserted for each statement execute function establishment_relocated();

-- The suggestions for a cohort: the open offers of some ROME families (the code's first three characters, F16),
-- each with its trade and the columns that place it, from this index alone (index-only scans). The same trade
-- is a second equality within its family.
create index offer_open_rome_place_idx on offer ((left(rome_code, 3)), rome_code)
    include (latitude, longitude, department_code, commune_code, end_date)
    where status = 'OPEN';

-- The offers already there (their place is derived again by offer_locate). Last: the update leaves deferred checks
-- pending until the commit, and an index cannot be built on the table meanwhile.
update offer set latitude = null;
