-- Issue 12, item 7: the campaign whose portal link brought a company (decision record 024). A campaign's portal
-- links carry ?campagne=<id>; the portal remembers it for the visitor's session and stores it with the declaration,
-- and the offer module with the offer the declaration becomes. Only the id is kept: there is no foreign key yet,
-- since the campaign table is not on main; it comes with the campaign module's migration.
alter table portal_declaration
    add column campaign_id bigint,
    add constraint portal_declaration_campaign_id check (campaign_id is null or campaign_id > 0);

alter table offer
    add column campaign_id bigint,
    add constraint offer_campaign_id check (campaign_id is null or campaign_id > 0);
-- A campaign's results count its offers: few offers have a campaign, so a partial index.
create index offer_campaign_idx on offer (campaign_id, created_at) where campaign_id is not null;
