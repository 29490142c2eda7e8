-- Issue 12, item 7: the campaign ids V43 and V44 added (a declaration's, an offer's, a visit's) now refer to the campaign
-- table, which V41 created (decision record 024 left the foreign keys to this migration). The application never deletes
-- a campaign (it is cancelled instead, and keeps its history); should one be deleted by hand, an offer or a pending
-- declaration stays and only loses its attribution, and the campaign's anonymous visits go with it.

-- Ids of no campaign (written before the campaign table existed, or forged in a link) are dropped first.
update portal_declaration d set campaign_id = null
where d.campaign_id is not null and not exists (select 1 from campaign c where c.id = d.campaign_id);
update offer o set campaign_id = null
where o.campaign_id is not null and not exists (select 1 from campaign c where c.id = o.campaign_id);
delete from campaign_visit v where not exists (select 1 from campaign c where c.id = v.campaign_id);

alter table portal_declaration
    add constraint portal_declaration_campaign_fk foreign key (campaign_id) references campaign (id) on delete set null;
alter table offer
    add constraint offer_campaign_fk foreign key (campaign_id) references campaign (id) on delete set null;
alter table campaign_visit
    add constraint campaign_visit_campaign_fk foreign key (campaign_id) references campaign (id) on delete cascade;
-- offer (offer_campaign_idx) and campaign_visit (its primary key) are indexed on campaign_id already; declarations are
-- few and purged after 7 days.
