-- Issue 12, opt-out: the global suppression list, soft bounces not yet blocking, and the bounce messages already read.

-- One row per blocked address, for good: no campaign writes to it again (decision record 021). Other modules may read
-- it to exclude addresses in SQL, always on the normalised key:
--   and not exists (select 1 from mail_opt_out o where o.address_key = lower(btrim(k.email)))
create table mail_opt_out (
    address_key    text primary key,
    reason         text not null,
    soft_bounces   integer not null default 0,
    first_event_at timestamptz not null,
    last_event_at  timestamptz not null,
    -- Where the event came from: the campaign's stream (campaign:42), or the page or mailbox it was seen on.
    source         text,
    -- The delivery status code of a bounce (5.1.1), or the feedback type of a complaint (abuse).
    detail         text,
    constraint mail_opt_out_address_normalised check (address_key = lower(btrim(address_key))
                                                      and address_key ~ '^[^@\s]+@[^@\s]+$' and length(address_key) <= 320),
    constraint mail_opt_out_reason check (reason in ('UNSUBSCRIBED', 'HARD_BOUNCE', 'COMPLAINT', 'SOFT_BOUNCES')),
    constraint mail_opt_out_soft_bounces check (soft_bounces >= 0),
    constraint mail_opt_out_event_order check (first_event_at <= last_event_at),
    constraint mail_opt_out_source_length check (source is null or length(source) <= 200),
    constraint mail_opt_out_detail_length check (detail is null or length(detail) <= 200)
);

-- Soft bounces (temporary failures) of addresses not blocked yet; the third blocks the address (SOFT_BOUNCES).
create table mail_soft_bounce (
    address_key    text primary key,
    bounces        integer not null,
    first_event_at timestamptz not null,
    last_event_at  timestamptz not null,
    source         text,
    detail         text,
    constraint mail_soft_bounce_address_normalised check (address_key = lower(btrim(address_key))
                                                          and address_key ~ '^[^@\s]+@[^@\s]+$' and length(address_key) <= 320),
    constraint mail_soft_bounce_count check (bounces > 0),
    constraint mail_soft_bounce_event_order check (first_event_at <= last_event_at),
    constraint mail_soft_bounce_source_length check (source is null or length(source) <= 200),
    constraint mail_soft_bounce_detail_length check (detail is null or length(detail) <= 200)
);

-- The bounce mailbox's messages already counted (their Message-ID, else a digest of their content): a message read
-- again (a rerun after a crash, before it was marked seen) counts nothing twice.
create table mail_bounce_message (
    message_key  text primary key,
    read_at      timestamptz not null default now(),
    outcome      text not null,
    constraint mail_bounce_message_key_length check (length(message_key) between 1 and 1000),
    constraint mail_bounce_message_outcome check (outcome in ('RECORDED', 'IGNORED'))
);
create index mail_bounce_message_read_at_idx on mail_bounce_message (read_at);
