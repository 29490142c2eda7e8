-- Campaigns (issue 12): a segment and a template sent through the outbox stream 'campaign:<id>' (decision record 023).
-- The template's subject and bodies, the segment's filter and the sender are frozen when the campaign is scheduled or
-- launched, so that what was reviewed is what is sent, even if the template or segment changes or is deleted later.
create table campaign (
    id                    bigint generated always as identity primary key,
    name                  text        not null,
    segment_id            bigint      references campaign_segment (id) on delete set null,
    template_id           bigint      references campaign_template (id) on delete set null,
    sender_name           text        not null,
    sender_postal_address text        not null default '',
    reply_to              text,
    per_minute            integer,
    max_error_rate        double precision,
    state                 text        not null default 'DRAFT',
    scheduled_at          timestamptz,
    -- The snapshot, frozen at scheduling or launch.
    subject               text,
    html_body             text,
    text_body             text,
    segment_filter        jsonb,
    launched_at           timestamptz,
    -- When the fan-out wrote the last recipient into the stream; the campaign is SENT only after it.
    fanned_out_at         timestamptz,
    recipients            integer,
    finished_at           timestamptz,
    pause_reason          text,
    created_by            bigint      not null references app_user (id),
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    version               bigint      not null default 0,
    constraint campaign_name_length check (length(btrim(name)) between 1 and 120),
    constraint campaign_sender_name_length check (length(btrim(sender_name)) between 1 and 120),
    constraint campaign_reply_to_format check (reply_to is null or reply_to ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    constraint campaign_state check (state in ('DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'SENT', 'CANCELLED')),
    constraint campaign_rate check (per_minute is null or per_minute between 1 and 100000),
    constraint campaign_error_rate check (max_error_rate is null or (max_error_rate > 0 and max_error_rate <= 1)),
    constraint campaign_scheduled_has_time check (state <> 'SCHEDULED' or scheduled_at is not null),
    constraint campaign_frozen check (state not in ('SCHEDULED', 'SENDING', 'PAUSED', 'SENT')
        or (subject is not null and html_body is not null and segment_filter is not null)),
    constraint campaign_launched check ((state in ('SENDING', 'PAUSED', 'SENT')) <= (launched_at is not null)),
    constraint campaign_finished check ((state in ('SENT', 'CANCELLED')) = (finished_at is not null)),
    constraint campaign_sent_fanned_out check (state <> 'SENT' or fanned_out_at is not null),
    constraint campaign_paused_reason check ((state = 'PAUSED') = (pause_reason is not null))
);
create unique index campaign_name_key on campaign (lower(btrim(name)));
create index campaign_state_idx on campaign (state, created_at desc);
-- The launch job looks for scheduled campaigns whose time has come.
create index campaign_scheduled_idx on campaign (scheduled_at) where state = 'SCHEDULED';

-- Every change of state, by whom (null: the schedule or the delivery) and why.
create table campaign_state_change (
    id          bigint generated always as identity primary key,
    campaign_id bigint      not null references campaign (id) on delete cascade,
    at          timestamptz not null default now(),
    from_state  text,
    to_state    text        not null,
    actor_id    bigint      references app_user (id),
    reason      text,
    constraint campaign_state_change_to check (to_state in ('DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'SENT', 'CANCELLED'))
);
create index campaign_state_change_campaign_idx on campaign_state_change (campaign_id, at);
