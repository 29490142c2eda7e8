-- Campaign templates (issue 12): a subject, an HTML body and an optional plain-text alternative (generated from the
-- HTML when absent), with Mustache merge fields only ({{contact.firstName}}…); the sender's identity and the legal
-- footer with the opt-out link are added by the renderer, never stored here (decision record 022).
create table campaign_template (
    id         bigint generated always as identity primary key,
    name       text        not null,
    subject    text        not null,
    html_body  text        not null,
    text_body  text,
    owner_id   bigint      not null references app_user (id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    version    bigint      not null default 0,
    constraint campaign_template_name_length check (length(btrim(name)) between 1 and 120),
    constraint campaign_template_subject_length check (length(btrim(subject)) between 1 and 200),
    constraint campaign_template_html_length check (length(btrim(html_body)) between 1 and 100000),
    constraint campaign_template_text_length check (text_body is null or length(btrim(text_body)) between 1 and 100000)
);
create unique index campaign_template_name_key on campaign_template (lower(btrim(name)));
