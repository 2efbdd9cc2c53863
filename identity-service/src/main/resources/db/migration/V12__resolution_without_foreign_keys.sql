-- A resolved record, its decision and (if new) its customer are written by the service in one statement that makes
-- their references true, and customers and source records are never deleted (an erased customer keeps its tombstone,
-- an erased record its row). The three foreign keys that statement checked cost every record three look-ups, each
-- locking the row it found (the record and customer just inserted among them), for references that cannot break.
alter table source_record drop constraint source_record_customer_id_fkey;
alter table match_decision drop constraint match_decision_record_id_fkey;
alter table match_decision drop constraint match_decision_customer_id_fkey;
