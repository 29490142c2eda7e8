-- Issue 12, opt-out: a contact written with a blocked address (the staff form, a CSV import, a portal declaration,
-- a merge, or any later way in) takes that address's status at once, whatever the writer said. The opt-out list
-- (V35) holds the address for good; contacts already there are updated when the address is blocked (partner's
-- ContactEmailStatuses). A status other than ACTIVE is left as it is.
create function contact_email_status_from_opt_out() returns trigger
language plpgsql as
$func$
declare
    blocked_reason text;
begin
    if new.email is not null and new.email_status = 'ACTIVE' then
        select o.reason into blocked_reason from mail_opt_out o where o.address_key = lower(btrim(new.email));
        if found then
            new.email_status := case when blocked_reason in ('HARD_BOUNCE', 'SOFT_BOUNCES') then 'BOUNCED' else 'UNSUBSCRIBED' end;
        end if;
    end if;
    return new;
end
$func$;

create trigger contact_email_status_from_opt_out
    before insert or update of email, email_status on contact
    for each row execute function contact_email_status_from_opt_out();
