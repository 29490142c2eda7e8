-- Issue 12, item 7: visits through a campaign's portal links, the only clicks counted (no pixel: opens are never
-- tracked). One row per visitor session and campaign, written by the portal when a session lands on a portal page
-- with ?campagne=<id>. The session is kept as a keyed hash of its id (base.KeyedHashes, purpose "campaign-visit"):
-- it only makes a second landing in the same session count once, and says nothing about who visited.
-- No foreign key to the campaign table yet (see V43).
create table campaign_visit (
    campaign_id bigint      not null,
    visitor_key text        not null,
    landed_at   timestamptz not null default now(),
    primary key (campaign_id, visitor_key),
    constraint campaign_visit_campaign_id check (campaign_id > 0),
    constraint campaign_visit_visitor_key check (visitor_key ~ '^[0-9a-f]{64}$')
);
-- The results count visits per day or hour.
create index campaign_visit_landed_idx on campaign_visit (campaign_id, landed_at);

-- The results count the addresses a campaign got blocked (mail_opt_out.source = 'campaign:<id>'): the opt-out list
-- only grows, so it is read through an index rather than whole. Opt-outs are rare writes.
create index mail_opt_out_source_idx on mail_opt_out (source) where source is not null;
