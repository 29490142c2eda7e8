-- Every mail a module sends from a business change (portal confirmations, notifications, reminders) is a
-- row written in the same transaction as that change, then delivered by a worker: a rolled-back change
-- sends nothing, a crash loses nothing, and a mail enqueued twice under one key is sent once.
create table mail_outbox (
    id              bigint generated always as identity primary key,
    dedup_key       text unique check (char_length(dedup_key) <= 200),
    kind            text not null check (char_length(kind) between 1 and 60),
    recipients      text[] not null check (cardinality(recipients) between 1 and 50),
    reply_to        text,
    subject         text not null check (char_length(subject) between 1 and 500),
    body_text       text not null,
    body_html       text,
    status          text not null default 'PENDING' check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts        integer not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null default now(),
    claimed_at      timestamptz,
    claimed_by      text,
    sent_at         timestamptz,
    message_id      text,
    last_error      text,
    created_at      timestamptz not null default now(),
    check ((status = 'SENT') = (sent_at is not null)),
    check (status <> 'SENDING' or claimed_at is not null)
);
-- The worker's claim reads only what is due.
create index mail_outbox_due on mail_outbox (next_attempt_at, id) where status = 'PENDING';
create index mail_outbox_sending on mail_outbox (claimed_at) where status = 'SENDING';

-- ShedLock: scheduled jobs (offer expiry, reminders, purges) run on one instance at a time.
create table shedlock (
    name       varchar(64) primary key,
    lock_until timestamp not null,
    locked_at  timestamp not null,
    locked_by  varchar(255) not null
);
