-- Historical statistics read tasks by when they ended (per queue or agent) and offers by when they were made.
create index routing_task_ended_by_queue on routing_task (queue_id, ended_at) where ended_at is not null;
create index routing_task_ended_by_agent on routing_task (agent_id, ended_at) where ended_at is not null;
create index routing_task_assigned_by_queue on routing_task (queue_id, assigned_at) where assigned_at is not null;
create index task_offer_offered_at on task_offer (offered_at);
