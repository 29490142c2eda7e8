-- Campaign segments (issue 12): the count takes off the contacts still ACTIVE whose address is on the opt-out list
-- (their status not yet in step, decision record 022), looking every blocked address up among the active contacts.
-- Blocked addresses' contacts are almost all UNSUBSCRIBED or BOUNCED already: in an index of the active ones only, a
-- lookup finds nothing and reads no table row, and the sorted addresses are found in one pass through it
-- (bin/benchmark-segments).
create index contact_active_email_idx on contact (lower(email)) where email_status = 'ACTIVE';
