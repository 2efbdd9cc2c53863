-- The relay deletes an event's row once Kafka has acknowledged it, in the transaction that locked it. Marking it
-- published instead wrote a second version of the row, with an entry in the primary key and one in the published index,
-- and a purge deleted it an hour later (panorama.outbox.retention, gone): Kafka keeps the events. Every row left is
-- waiting to be relayed, so the relay's look-up needs no predicate: an index on the creation time, oldest first.
-- published_at stays, unused, for replicas of the version before during a rolling upgrade: their inserts name it and
-- their relay marks rows in it, which this version's relay then sends again (consumers de-duplicate on ce_id) and deletes.
delete from outbox_event where published_at is not null;
drop index outbox_event_published;
drop index outbox_event_unpublished;
create index outbox_event_created on outbox_event (created_at);
