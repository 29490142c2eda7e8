-- Offer expiry and reminders (issue 10): which reminder was decided for which deadline of an open offer.
-- The row is the job's claim on that reminder (its key says "once"; two instances inserting it at once wait
-- on each other, the second does nothing) and lets the job's query skip what was already decided without
-- reading another module's tables. The mail itself goes through mail_outbox under its own de-duplication key.
create table offer_reminder (
    offer_id     bigint not null references offer (id) on delete cascade,
    -- 7 days or 1 day before the deadline.
    reminder     text not null,
    -- The offer's last day for that deadline (its end date, or the day its 90 days without update run out):
    -- an extension gives a new day, so new reminders.
    deadline_day date not null,
    outcome      text not null,
    decided_at   timestamptz not null,
    primary key (offer_id, deadline_day, reminder),
    constraint offer_reminder_kind check (reminder in ('7d', '1d')),
    constraint offer_reminder_outcome check (outcome in ('MAILED', 'NO_CONTACT', 'NO_EMAIL', 'EMAIL_BLOCKED', 'INVALID_ADDRESS'))
);

-- The company's own updates (and extensions, which change nothing else when the offer has no end date) are
-- part of the offer's audit trail.
alter table offer_aud add column last_company_update_at timestamptz;
