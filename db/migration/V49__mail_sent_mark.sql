-- The record that the SMTP server accepted a message, written before the instance lets any other message pass its final
-- dot (decision record 020): it is on the path of every message, so it is an insert into this narrow table, without
-- index, key or constraint to check (about a sixth of the database's work of updating the outbox row, whose check
-- constraints alone are prepared again by each statement). The sending instance folds the marks into mail_outbox
-- (SENT, with the Message-ID and the time) in one set-based statement after each batch, and every instance folds them
-- all before it releases the claims of an instance that stopped: a mark left by a crash is never sent again.
create table mail_sent_mark (
    outbox_id  bigint      not null,
    message_id text        not null,
    marked_at  timestamptz not null default now()
);
