-- A contact's interactions, by its key: deleting or merging a contact checks and rewrites interaction.contact_id
-- (foreign key), which without this index read every interaction of the CRM for each contact. Partial: most
-- interactions name no contact, and "contact_id = ?" implies the predicate, so the planner still uses it.
create index interaction_contact_idx on interaction (contact_id) where contact_id is not null;
