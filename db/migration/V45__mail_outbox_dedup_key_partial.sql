-- Only transactional mails carry a dedup_key; a campaign's composed rows have none. The full unique index of V17 gave
-- each of those rows an entry anyway, written again by each of the two updates a message makes (claimed, sent: no
-- HOT update, status being in the partial indexes' predicates). Indexing only the keys that exist keeps the same rule.
alter table mail_outbox drop constraint mail_outbox_dedup_key_key;
create unique index mail_outbox_dedup_key on mail_outbox (dedup_key) where dedup_key is not null;
