-- A merge moves every version of the merged customer's records, old ones too, and the customer index holds current
-- versions only, so each merge read the whole table to find the old ones. They get an index of their own (few rows),
-- and the move updates current and old versions in two statements, each through its index.
create index source_record_customer_old on source_record (customer_id) where not current;
