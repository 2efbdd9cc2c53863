-- Caller verification. Factors are stored only as Argon2id PHC strings (salt and cost inside), never the answers.
-- A factor belongs to the customer it was set on; after a merge the survivor's verification uses the newest
-- factor of each kind among itself and the customers merged into it.
create table verification_factor (
    customer_id uuid        not null references customer (id),
    factor      text        not null,            -- memorableDate, passphrase, postcode, accountLastDigits
    hash        text        not null,
    set_at      timestamptz not null,
    primary key (customer_id, factor)
);

-- Failed attempts in a row per customer; the row is locked for the whole of an attempt, so concurrent
-- attempts are counted one after another and can never exceed the limit.
create table verification_lock (
    customer_id  uuid        primary key references customer (id),
    failures     integer     not null,
    locked_until timestamptz,
    updated_at   timestamptz not null
);

-- Every attempt and unlock: who, on which channel, which factors were asked (by name), the outcome. Never the
-- answers, so the rows stay when a customer is erased; no foreign key, for the same reason.
create table verification_attempt (
    id                    uuid primary key,
    customer_id           uuid        not null,  -- the customer verified (the survivor of any merge)
    requested_customer_id uuid        not null,  -- the id the caller gave
    actor                 text        not null,  -- preferred_username, else the token subject
    actor_subject         text        not null,
    client_id             text,
    channel               text,
    factors               text        not null,  -- comma separated factor names
    outcome               text        not null,  -- VERIFIED, FAILED, LOCKED, UNLOCKED
    assurance_level       text,
    attempted_at          timestamptz not null
);
create index verification_attempt_newest on verification_attempt (customer_id, attempted_at desc, id desc);
