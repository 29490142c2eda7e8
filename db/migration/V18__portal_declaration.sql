-- Hiring intentions declared on the public portal (issue 10) before their e-mail address is confirmed. Nothing here
-- reaches the referents: the confirmation link hands the declaration to the offer module (OfferIntakeService), which
-- creates the offer PENDING_VALIDATION; offer_id then points to it. Rows are purged 7 days after their creation.
create table portal_declaration (
    id                      bigint generated always as identity primary key,
    -- SHA-256 (hex) of the token sent in the link; the token itself is never stored.
    token_hash              text        not null,
    email                   text        not null,
    -- The company as declared.
    siret                   text        not null,
    legal_name              text        not null,
    street                  text,
    postcode                text,
    commune                 text,
    department_code         text,
    naf_code                text,
    workforce_bracket_code  text,
    -- The contact person (the e-mail above is theirs).
    first_name              text,
    last_name               text        not null,
    job_title               text,
    phone                   text,
    -- The offer.
    offer_type              text        not null,
    rome_code               text        not null,
    title                   text        not null,
    description             text,
    positions               integer     not null,
    contract_type           text        not null,
    hours_per_week          numeric(4, 1),
    offer_commune           text,
    offer_department_code   text,
    establishment_ids       bigint[]    not null default '{}',
    start_date              date        not null,
    end_date                date,
    -- Consent, and where the visitor came from.
    consented_at            timestamptz not null,
    consent_version         text        not null,
    campaign_ref            text,
    -- SHA-256 (hex) of the client address, for abuse follow-up; never the address itself.
    client_address_hash     text        not null,
    created_at              timestamptz not null,
    expires_at              timestamptz not null,
    confirmed_at            timestamptz,
    offer_id                bigint references offer (id) on delete set null,
    constraint portal_declaration_token_hash check (token_hash ~ '^[0-9a-f]{64}$'),
    constraint portal_declaration_email check (email = lower(email) and length(email) <= 254
        and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    constraint portal_declaration_siret check (siret_is_valid(siret)),
    constraint portal_declaration_legal_name check (length(btrim(legal_name)) between 1 and 120),
    constraint portal_declaration_street check (street is null or length(street) <= 200),
    constraint portal_declaration_postcode check (postcode is null or postcode ~ '^[0-9]{5}$'),
    constraint portal_declaration_commune check (commune is null or length(commune) <= 100),
    constraint portal_declaration_department check (department_code is null or department_code ~ '^[0-9][0-9AB][0-9]?$'),
    constraint portal_declaration_naf check (naf_code is null or naf_code ~ '^[0-9]{2}\.[0-9]{2}[A-Z]$'),
    constraint portal_declaration_workforce check (workforce_bracket_code is null or workforce_bracket_code in
        ('NN', '00', '01', '02', '03', '11', '12', '21', '22', '31', '32', '41', '42', '51', '52', '53')),
    constraint portal_declaration_first_name check (first_name is null or length(first_name) <= 100),
    constraint portal_declaration_last_name check (length(btrim(last_name)) between 1 and 100),
    constraint portal_declaration_job_title check (job_title is null or length(job_title) <= 100),
    constraint portal_declaration_phone check (phone is null or phone ~ '^\+[0-9]{6,15}$'),
    constraint portal_declaration_offer_type check (offer_type in
        ('WORKSHOP_JOBS', 'SUBCONTRACTING', 'POST_RELEASE_JOB', 'APPRENTICESHIP')),
    constraint portal_declaration_rome check (rome_code ~ '^[A-Z][0-9]{4}$'),
    constraint portal_declaration_title check (length(btrim(title)) between 1 and 120),
    constraint portal_declaration_description check (description is null or length(description) <= 4000),
    constraint portal_declaration_positions check (positions between 1 and 999),
    constraint portal_declaration_contract check (contract_type in
        ('CDI', 'CDD', 'INTERIM', 'APPRENTICESHIP', 'PROFESSIONALISATION', 'INSERTION', 'PRISON_EMPLOYMENT')),
    constraint portal_declaration_hours check (hours_per_week is null or (hours_per_week > 0 and hours_per_week <= 48)),
    constraint portal_declaration_offer_commune check (offer_commune is null or length(offer_commune) <= 100),
    constraint portal_declaration_place check (case when offer_type in ('WORKSHOP_JOBS', 'SUBCONTRACTING')
        then cardinality(establishment_ids) between 1 and 100 and offer_department_code is null and offer_commune is null
        else cardinality(establishment_ids) = 0 and offer_department_code is not null end),
    constraint portal_declaration_dates check (end_date is null or end_date >= start_date),
    constraint portal_declaration_consent_version check (length(consent_version) between 1 and 20),
    constraint portal_declaration_campaign check (campaign_ref is null or campaign_ref ~ '^[A-Za-z0-9_-]{1,64}$'),
    constraint portal_declaration_address_hash check (client_address_hash ~ '^[0-9a-f]{64}$'),
    constraint portal_declaration_expiry check (expires_at > created_at),
    constraint portal_declaration_confirmed check (confirmed_at is null or confirmed_at >= created_at),
    constraint portal_declaration_offer_after_confirmation check (offer_id is null or confirmed_at is not null)
);
create unique index portal_declaration_token_hash_key on portal_declaration (token_hash);
-- The purge walks the oldest rows.
create index portal_declaration_created_idx on portal_declaration (created_at);
