-- blocking_key is an index the service keeps itself: a record's keys are written in the same statement as the record
-- and removed with its version, and a record is never deleted. Its foreign key cost every key row a lookup and a
-- row lock on source_record (some 13 per resolved record), for a reference the statement makes true anyway.
alter table blocking_key drop constraint blocking_key_record_id_fkey;
