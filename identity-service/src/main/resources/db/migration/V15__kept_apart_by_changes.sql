-- A data steward's split, or undone merge, says its customers are different people: no record that matches two of them
-- later merges them again automatically (a steward still may). One row per pair of the change's customers; a pair
-- counts for the customers they are merged into since, as a rejected review does.
create table kept_apart (
    change_id         uuid not null references identity_change (id),
    customer_id       uuid not null,
    other_customer_id uuid not null,
    primary key (change_id, customer_id, other_customer_id)
);
create index kept_apart_customer on kept_apart (customer_id);
create index kept_apart_other_customer on kept_apart (other_customer_id);

-- the splits and undone merges made before
insert into kept_apart (change_id, customer_id, other_customer_id)
select c.id, a.customer_id, b.customer_id
from identity_change c
join identity_change_customer a on a.change_id = c.id
join identity_change_customer b on b.change_id = c.id and a.customer_id < b.customer_id
where c.kind in ('SPLIT', 'MERGE_UNDONE');
