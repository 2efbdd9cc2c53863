-- The agent who last passed a task on (a transfer took it from the agent) and when: like an agent who turned the task
-- down, it is not offered the task again for the turn-down cool-down, or the transfer's round and the agent's freed
-- slot would offer it straight back (the task keeps its age, so it heads its queue). Nullable without a default,
-- so adding them rewrites no row.
alter table routing_task add column passed_on_by text, add column passed_on_at timestamptz;
