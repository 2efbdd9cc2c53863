-- Data stewardship: possible matches waiting for a person's decision, and every merge, split and undo
-- as it happened. Nothing here is updated away: a decided review keeps its decision, an undo is a change
-- of its own.

-- A record resolved as POSSIBLE: it got a customer of its own for now and may belong to the candidate.
create table review_item (
    id                    uuid primary key,
    record_id             uuid             not null references source_record (id),
    customer_id           uuid             not null references customer (id),
    candidate_customer_id uuid             not null references customer (id),
    probability           double precision not null,
    explanation           jsonb,                       -- as stored in match_decision
    status                text             not null,   -- OPEN, ACCEPTED, REJECTED
    created_at            timestamptz      not null,
    decided_by            text,
    decided_at            timestamptz,
    decision_reason       text,
    change_id             uuid                         -- the merge an acceptance made
);
-- the queue, oldest first, and its cursor (created_at, id)
create index review_item_queue on review_item (status, created_at, id);
-- pairs a steward kept apart
create index review_item_rejected on review_item (customer_id, candidate_customer_id) where status = 'REJECTED';

-- One merge, split or undo: who, when, why, and the customers with their records before and after
-- (json: {"customers": [{"customerId": ..., "records": [{"recordId": ..., "sourceSystem": ..., "sourceId": ...}]}]}).
create table identity_change (
    id          uuid primary key,
    kind        text             not null,   -- MERGE, SPLIT, MERGE_UNDONE, SPLIT_UNDONE
    actor       text             not null,
    reason      text             not null,
    probability double precision,
    changed_at  timestamptz      not null,
    undoes      uuid unique references identity_change (id),  -- unique: a change is undone at most once
    before_sides jsonb           not null,
    after_sides jsonb            not null
);

-- Which customers each change involved: a customer's history, and what a later undo must check.
create table identity_change_customer (
    customer_id uuid not null references customer (id),
    change_id   uuid not null references identity_change (id),
    primary key (customer_id, change_id)
);

-- The pairwise merge ledger names the change it was part of (older rows have none).
alter table merge_history add column change_id uuid references identity_change (id);
