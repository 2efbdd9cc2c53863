-- Transactional outbox: events are written here in the same transaction as the state change that
-- causes them, and relayed to Kafka afterwards, so none is lost between commit and publish.
create table outbox_event (
    id           uuid primary key,
    aggregate_id uuid,
    topic        text        not null,
    event_type   text        not null,
    payload      jsonb       not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);

create index outbox_event_unpublished on outbox_event (created_at) where published_at is null;
