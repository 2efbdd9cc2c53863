-- Erasure: a customer's personal data goes, the customer row stays as a tombstone saying when and by whom.
alter table customer add column erased_at timestamptz;
alter table customer add column erased_by text;
