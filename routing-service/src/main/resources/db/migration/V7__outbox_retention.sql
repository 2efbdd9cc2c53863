-- The outbox purge deletes published events older than the retention (panorama.outbox.retention) through this index.
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
