-- A record's blocking keys are listed on its own row, so that a new version or an erasure finds the rows to remove from
-- the blocking index there. The index on blocking_key (record_id) served only those rare look-ups, and every resolved
-- record (about 12 key rows each) paid to maintain it. The list is emptied when the keys leave the index (an old
-- version, an erased record).
alter table source_record add column blocking_keys text[] not null default '{}';
update source_record r set blocking_keys = k.keys
from (select record_id, array_agg(key order by key collate "C") as keys from blocking_key group by record_id) k
where k.record_id = r.id;
drop index blocking_key_record;
