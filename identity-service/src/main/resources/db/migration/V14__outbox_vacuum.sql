-- The relay finds unpublished events through the partial index outbox_event_unpublished, oldest first. Marking an event
-- published leaves its entry there, dead, until the table is vacuumed, and every relay pass walks these entries before
-- the first live one. By default autovacuum waits for a fifth of the table to be dead, and the table keeps an hour of
-- published events (panorama.outbox.retention): at 1,000 records/s (about 2.8 events each) that is some two million
-- entries, thousands of index pages read per pass. Vacuum it once some thousands of rows are dead (at most once per
-- autovacuum_naptime, a minute by default), and always clean the indexes: the dead entries that matter are in one small
-- index of a large table, which vacuum would otherwise pass over when few of the table's pages hold dead rows.
alter table outbox_event set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
    vacuum_index_cleanup = on);
