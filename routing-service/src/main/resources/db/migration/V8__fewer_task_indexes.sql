-- Every change of a task's state is an update no index can skip (state is in most indexes' predicates), so each
-- update writes an entry into every index whose predicate the new row meets: an index earns its place by a query.
-- The keyset over every channel's waiting tasks serves no query since dispatch reads each channel's head
-- (routing_task_routable_by_channel). The queue and state pair is asked for live tasks only (waiting, offered,
-- in progress); ended tasks are counted through routing_task_ended_by_queue, so an ending task no longer adds to it.
drop index routing_task_routable_keyset;
drop index routing_task_queue_state;
create index routing_task_live_by_queue on routing_task (queue_id, state)
    where state in ('CREATED', 'QUEUED', 'OFFERED', 'ASSIGNED', 'WRAP_UP');
