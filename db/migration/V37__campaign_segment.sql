-- Campaign segments (issue 12): saved filters over partner companies and their contacts. The filter is a JSON
-- document (campaign.SegmentFilter); the counts and the recipients are computed from the partner and offer tables,
-- read only (a reporting read model, decision record 022).
create table campaign_segment (
    id         bigint generated always as identity primary key,
    name       text        not null,
    filter     jsonb       not null,
    owner_id   bigint      not null references app_user (id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    version    bigint      not null default 0,
    constraint campaign_segment_name_length check (length(btrim(name)) between 1 and 120),
    constraint campaign_segment_filter_object check (jsonb_typeof(filter) = 'object')
);
create unique index campaign_segment_name_key on campaign_segment (lower(btrim(name)));
create index campaign_segment_owner_idx on campaign_segment (owner_id);

