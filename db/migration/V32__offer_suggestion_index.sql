-- The suggestions at a million offers (bin/benchmark-suggestions): each candidate's row read from the index alone.
--
-- offer_open_rome_place_idx (V31) lacked the offer id, so every candidate was fetched from the table (a bitmap heap
-- scan), and a workshop or subcontracting offer looked up its target establishments and their communes one by one
-- (three index probes per candidate): some 30 ms for a cohort of 1,600 candidates at 100,000 offers. Here the offer
-- carries its targets' ids (derived, like its point), so that the query measures the ~190 establishments once and
-- joins them to the candidates by hash.
alter table offer add column target_establishment_ids bigint[];

create or replace function offer_locate() returns trigger
    language plpgsql
as $func$
begin
    if new.department_code is not null then
        new.commune_code := commune_named(new.commune, new.department_code);
        new.target_establishment_ids := null;
        select c.latitude, c.longitude into new.latitude, new.longitude
        from commune c
        where c.code = coalesce(new.commune_code,
                                (select d.seat_commune_code from department d where d.code = new.department_code));
    else
        new.commune_code := null;
        -- None yet while the statement that writes the offer comes before its establishments' (V11): their insert
        -- updates the offer, which runs this again.
        new.target_establishment_ids := array(select oe.establishment_id from offer_establishment oe
                                              where oe.offer_id = new.id order by oe.establishment_id);
        select c.latitude, c.longitude into new.latitude, new.longitude
        from establishment e join commune c on c.code = e.commune_code
        where e.id = new.target_establishment_ids[1];
    end if;
    return new;
end
$func$;

drop index offer_open_rome_place_idx;
create index offer_open_rome_place_idx on offer ((left(rome_code, 3)), rome_code)
    include (id, latitude, longitude, department_code, commune_code, end_date, target_establishment_ids)
    where status = 'OPEN';

-- The targeted offers already there (last: the update leaves deferred checks pending until the commit).
update offer set latitude = null where department_code is null;
