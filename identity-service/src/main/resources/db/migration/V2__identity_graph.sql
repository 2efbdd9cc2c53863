-- Customers (golden records) and the source records linked to them. Nothing is overwritten: a changed
-- source record is a new version, a merge marks the merged customer and keeps it.
create table customer (
    id          uuid primary key,
    status      text        not null,            -- ACTIVE, MERGED, ERASED
    merged_into uuid references customer (id),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create table source_record (
    id            uuid primary key,
    source_system text        not null,
    source_id     text        not null,
    version       integer     not null,
    current       boolean     not null,
    content_hash  text        not null,
    payload       jsonb       not null,          -- the record as the source sent it
    normalised    jsonb       not null,          -- the values the matcher compares
    customer_id   uuid        not null references customer (id),
    received_at   timestamptz not null,
    unique (source_system, source_id, version)
);
create unique index source_record_current on source_record (source_system, source_id) where current;
create index source_record_customer on source_record (customer_id) where current;

-- Blocking keys of current records: candidates for a new record are the records sharing a key.
create table blocking_key (
    key       text not null,
    record_id uuid not null references source_record (id),
    primary key (key, record_id)
);
create index blocking_key_record on blocking_key (record_id);

-- Why each record went where it went.
create table match_decision (
    id          uuid primary key,
    record_id   uuid             not null references source_record (id),
    customer_id uuid             not null references customer (id),
    decision    text             not null,       -- NEW, MATCHED, POSSIBLE
    probability double precision,
    explanation jsonb,
    decided_at  timestamptz      not null
);
create index match_decision_record on match_decision (record_id);

-- Every merge, with who, when, why and the score: what undo and audit read.
create table merge_history (
    id          uuid primary key,
    survivor_id uuid             not null references customer (id),
    merged_id   uuid             not null references customer (id),
    reason      text             not null,
    actor       text             not null,
    probability double precision,
    merged_at   timestamptz      not null
);
