-- Routing: agents with skills, capacity and presence; queues with their policies; tasks and the offers
-- (reservations) that bind them to agents. Dispatch is safe across replicas by row locks: routable tasks are
-- taken FOR UPDATE SKIP LOCKED in routing_key order, candidate agents FOR UPDATE in id order, and an agent's
-- load is counted from its tasks under that lock.

-- The skills catalogue (languages, products, channels...): an agent or a task can only name these.
create table skill (
    name        text primary key check (name ~ '^[a-z0-9][a-z0-9:._-]{0,62}$'),
    description text,
    created_at  timestamptz not null default now()
);

-- An agent is a Keycloak user; id is the token's preferred_username (the principal name), subject its sub.
create table agent (
    id               text primary key,
    keycloak_subject text,
    display_name     text,
    presence         text        not null default 'OFFLINE'
        check (presence in ('AVAILABLE', 'BUSY', 'AWAY', 'OFFLINE', 'WRAP_UP')),
    presence_reason  text,
    presence_since   timestamptz not null,
    -- while in WRAP_UP: when it ends by itself and the agent is available again
    wrap_up_until    timestamptz,
    -- when the agent last took a task or became available: "longest idle" counts from here
    idle_since       timestamptz,
    -- offers in a row that timed out unanswered; reset by an accept
    missed_offers    integer     not null default 0,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

create table agent_skill (
    agent_id    text     not null references agent (id) on delete cascade,
    skill       text     not null references skill (name),
    proficiency smallint not null check (proficiency between 1 and 5),
    primary key (agent_id, skill)
);
create index agent_skill_by_skill on agent_skill (skill);

-- How many tasks of a channel the agent holds at once; a channel without a row holds none.
create table agent_capacity (
    agent_id text    not null references agent (id) on delete cascade,
    channel  text    not null,
    capacity integer not null check (capacity between 0 and 100),
    primary key (agent_id, channel)
);

create table routing_queue (
    id                    text primary key check (id ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
    name                  text        not null,
    strategy              text        not null check (strategy in ('BEST_SCORE', 'ROUND_ROBIN')),
    -- [{"afterSeconds":10,"action":"OPEN_TO_ALL_QUALIFIED","amount":0}, ...] sorted by afterSeconds
    escalation_steps      jsonb       not null default '[]',
    sla_target_seconds    integer     not null check (sla_target_seconds > 0),
    overflow_queue_id     text references routing_queue (id),
    offer_timeout_seconds integer     not null check (offer_timeout_seconds > 0),
    wrap_up_seconds       integer     not null check (wrap_up_seconds >= 0),
    -- a task still unassigned this long after entering the queue expires; null: never
    max_wait_seconds      integer check (max_wait_seconds > 0),
    -- the agent the ROUND_ROBIN rotation served last
    round_robin_cursor    text,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);

create table routing_task (
    id               uuid primary key,
    state            text        not null check (state in ('CREATED', 'QUEUED', 'OFFERED', 'ASSIGNED', 'WRAP_UP',
                                                            'COMPLETED', 'CANCELLED', 'EXPIRED')),
    channel          text        not null,
    queue_id         text        not null references routing_queue (id),
    priority         integer     not null check (priority between 0 and 100),
    -- [{"skill":"billing","minProficiency":3}]
    required_skills  jsonb       not null default '[]',
    any_of_skills    jsonb       not null default '[]',
    preferred_agents text[]      not null default '{}',
    customer_id      uuid,
    -- the contact that asked for an answer: one task per interaction, whatever the redeliveries
    interaction_id   uuid unique,
    subject          text,
    source           text        not null check (source in ('INTERACTION', 'API')),
    created_by       text,
    -- serving order: created_at minus a head start per priority point (RoutingOrder); fixed while it waits
    routing_key      timestamptz not null,
    created_at       timestamptz not null,
    queued_at        timestamptz not null,
    escalation_level integer     not null default 0,
    -- when the queue's next escalation step is due; null: no step left
    next_escalation_at timestamptz,
    -- when the task expires unassigned (the queue's max wait); null: never
    expires_at       timestamptz,
    -- the agent the task is offered to or held by, and after the end the one who handled it
    agent_id         text references agent (id),
    offered_at       timestamptz,
    assigned_at      timestamptz,
    wrap_up_at       timestamptz,
    wrap_up_until    timestamptz,
    ended_at         timestamptz,
    outcome          text,
    disposition      text,
    updated_at       timestamptz not null
);
create index routing_task_routable on routing_task (routing_key) where state = 'QUEUED';
create index routing_task_agent_load on routing_task (agent_id, channel) where state in ('OFFERED', 'ASSIGNED', 'WRAP_UP');
create index routing_task_wrap_up_end on routing_task (wrap_up_until) where state = 'WRAP_UP';
create index routing_task_escalation_due on routing_task (next_escalation_at) where state = 'QUEUED';
create index routing_task_expiry_due on routing_task (expires_at) where state in ('CREATED', 'QUEUED');
create index routing_task_customer on routing_task (customer_id) where customer_id is not null;
create index routing_task_queue_state on routing_task (queue_id, state);
create index routing_task_ended on routing_task (ended_at) where ended_at is not null;

-- An offer reserves a slot of the agent's capacity for the task until it is answered or expires.
create table task_offer (
    id         uuid primary key,
    task_id    uuid        not null references routing_task (id),
    agent_id   text        not null references agent (id),
    status     text        not null check (status in ('OPEN', 'ACCEPTED', 'REJECTED', 'EXPIRED', 'WITHDRAWN')),
    offered_at timestamptz not null,
    expires_at timestamptz not null,
    closed_at  timestamptz
);
-- Whatever happens between replicas, a task has at most one open offer.
create unique index task_offer_one_open_per_task on task_offer (task_id) where status = 'OPEN';
create index task_offer_open_by_agent on task_offer (agent_id) where status = 'OPEN';
create index task_offer_open_by_expiry on task_offer (expires_at) where status = 'OPEN';
create index task_offer_by_task on task_offer (task_id, closed_at);

-- Identity events applied (ce_id), so a redelivery changes nothing twice.
create table applied_event (
    id         text primary key,
    applied_at timestamptz not null
);

insert into routing_queue (id, name, strategy, escalation_steps, sla_target_seconds, offer_timeout_seconds,
                           wrap_up_seconds, created_at, updated_at)
values ('general', 'General', 'BEST_SCORE',
        '[{"afterSeconds":15,"action":"OPEN_TO_ALL_QUALIFIED","amount":0},{"afterSeconds":60,"action":"RELAX_PROFICIENCY","amount":2},{"afterSeconds":120,"action":"WIDEN_SKILLS","amount":0}]',
        30, 30, 30, now(), now());
