-- Staff accounts (company portal accounts come later, with their own sign-in by e-mailed link).
create table app_user (
    id                  bigint generated always as identity primary key,
    username            text not null,
    display_name        text not null,
    email               text,
    password_hash       text not null,
    role                text not null check (role in ('ADMIN', 'REFERENT', 'COMMUNICATION', 'COMPANY')),
    disp_code           text references disp (code),
    enabled             boolean not null default true,
    locale              text not null default 'fr' check (locale in ('fr', 'en')),
    created_at          timestamptz not null default now(),
    password_changed_at timestamptz not null default now(),
    version             bigint not null default 0,
    constraint app_user_username_format check (username ~ '^[a-z0-9][a-z0-9._-]{1,48}[a-z0-9]$'),
    constraint app_user_referent_has_disp check ((role = 'REFERENT') = (disp_code is not null)),
    constraint app_user_email_format check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')
);
create unique index app_user_username_key on app_user (username);
