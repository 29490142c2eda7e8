-- The public portal (issue 10): company accounts, their sign-in links, and rate limits shared by every instance.

-- A company's contact person who signs in on the portal by e-mailed link (no password). Accounts are created by
-- other modules (a declaration confirmed, an offer validated) through CompanyAccountService.ensureAccount.
create table company_account (
    id              bigint generated always as identity primary key,
    email           text        not null,
    company_id      bigint      not null references company (id),
    contact_id      bigint      references contact (id) on delete set null,
    created_at      timestamptz not null default now(),
    last_sign_in_at timestamptz,
    enabled         boolean     not null default true,
    constraint company_account_email_lower_case check (email = lower(email)),
    constraint company_account_email_format check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 254)
);
create unique index company_account_email_key on company_account (email);
create index company_account_company_idx on company_account (company_id);

-- Spring Security's JdbcOneTimeTokenService (one-time-tokens-schema.sql): the same table and columns, with
-- PostgreSQL types (no varchar_ignorecase; usernames are lower-cased e-mail addresses, longer than 50 characters
-- at times). Held here so that a link asked for on one instance signs in on any other; used once, 15 minutes.
create table one_time_tokens (
    token_value varchar(36) not null primary key,
    username    text        not null,
    expires_at  timestamp   not null
);
create index one_time_tokens_expires_at_idx on one_time_tokens (expires_at);

-- Bucket4j's PostgreSQL backend (select for update): one row per limited key (a limit's name and a hash of the
-- e-mail or client address, never the address itself), its serialised bucket, and when it may be removed (epoch ms).
create table portal_rate_limit (
    id         text   primary key,
    state      bytea,
    expires_at bigint
);
create index portal_rate_limit_expires_at_idx on portal_rate_limit (expires_at);
