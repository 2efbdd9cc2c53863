-- Dispatch follows what changed: a freed agent takes the head of one channel's waiting tasks, a page of a full
-- pass goes on after the last task it saw (keyset on routing_key, id), and the agents with room are locked in id
-- order among the available ones.
create index routing_task_routable_by_channel on routing_task (channel, routing_key, id) where state = 'QUEUED';
create index routing_task_routable_keyset on routing_task (routing_key, id) where state = 'QUEUED';
drop index routing_task_routable;
create index agent_available on agent (id) where presence = 'AVAILABLE';
