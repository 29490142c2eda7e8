-- One secret per installation, drawn when the database is created and shared by every instance on it: the key of the
-- keyed hashes (HMAC) that stand for client addresses and e-mail addresses where only a match is needed (rate limits,
-- declarations), and of the signed links to come. A plain SHA-256 of an IPv4 address is reversed by trying the 2^32
-- addresses; without this key, nobody who reads the database can. PASSERELLE_SECRET replaces it when set.
create table installation_secret (
    id     integer primary key default 1,
    secret text    not null,
    constraint installation_secret_one_row check (id = 1),
    constraint installation_secret_length check (length(secret) >= 32)
);
-- gen_random_uuid() draws from the server's strong random source: two of them are 244 random bits.
insert into installation_secret (secret)
values (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
