-- Streams: a stream is one campaign's messages (name 'campaign:42'). Its rows in mail_outbox are composed at
-- send time by the module that owns the kind (mail.MailComposer): they hold the address and the caller's
-- recipient id (ref), no body. A stream can be paused, resumed, cancelled and throttled; it pauses itself when
-- its error rate passes its limit.
create table mail_stream (
    name           text primary key check (char_length(name) between 1 and 100),
    state          text not null default 'ACTIVE' check (state in ('ACTIVE', 'PAUSED', 'CANCELLED')),
    per_minute     integer check (per_minute between 1 and 1000000),
    max_error_rate double precision check (max_error_rate > 0 and max_error_rate <= 1),
    min_sample     integer not null default 50 check (min_sample >= 1),
    paused_reason  text check (char_length(paused_reason) <= 1000),
    -- The throttle: a token bucket kept here so that every instance draws from the same one (row locked by
    -- the claim). tokens = what could be claimed at tokens_at; it refills at per_minute / 60 a second.
    tokens         double precision not null default 0,
    tokens_at      timestamptz not null default now(),
    -- The error-rate sample: send attempts answered by the SMTP server since the stream opened or resumed.
    sample_sent    integer not null default 0 check (sample_sent >= 0),
    sample_errors  integer not null default 0 check (sample_errors >= 0),
    created_at     timestamptz not null default now(),
    changed_at     timestamptz not null default now(),
    check ((state = 'PAUSED') = (paused_reason is not null))
);

-- The global throttle, shared by every instance: one row. per_minute is written from
-- passerelle.mail.outbox.global-per-minute when an instance starts (null: no limit), so all instances apply one limit.
create table mail_global_allowance (
    id         boolean primary key default true check (id),
    per_minute integer check (per_minute between 1 and 1000000),
    tokens    double precision not null default 0,
    tokens_at timestamptz not null default now()
);
insert into mail_global_allowance default values;

alter table mail_outbox
    add column stream      text references mail_stream (name),
    add column ref         bigint,
    add column headers     text[] check (cardinality(headers) <= 20),
    add column finished_at timestamptz,
    alter column subject drop not null,
    alter column body_text drop not null,
    drop constraint mail_outbox_status_check,
    add constraint mail_outbox_status_check
        check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED', 'CANCELLED')),
    -- A row either carries its message, or is composed at send time for a recipient of a stream.
    add constraint mail_outbox_body_or_ref check (ref is not null or (subject is not null and body_text is not null)),
    add constraint mail_outbox_ref_in_stream check (ref is null or stream is not null),
    -- A fan-out that runs twice enqueues each recipient once.
    add constraint mail_outbox_stream_ref unique (stream, ref);

-- Direct messages (no stream) are claimed first; a campaign's 100,000 pending rows must not be scanned for them.
drop index mail_outbox_due;
create index mail_outbox_direct_due on mail_outbox (next_attempt_at, id) where status = 'PENDING' and stream is null;
-- A stream's due rows, for the claim. Progress and results read a stream's rows through mail_outbox_stream_ref:
-- every index more is one more entry written by each of the two updates a message makes (claimed, sent).
create index mail_outbox_stream_due on mail_outbox (stream, next_attempt_at, id) where status = 'PENDING';
