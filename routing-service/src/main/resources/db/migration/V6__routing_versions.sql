-- Dispatch keeps what rarely changes in memory: each agent's skills and capacity, each queue's settings. A version
-- tells every replica when its copy is stale. Triggers bump it in the transaction that changes the rows, whichever
-- code path or replica did, so a round that locked the agent (or read the queue) sees the version that belongs to
-- the rows it would read: an agent's skill or capacity change updates the agent row, which a round's lock waits for
-- or skips, and the version it reads under the lock is that of the committed rows. Versions come from one sequence,
-- so an agent or queue removed and created again under the same id never shows an old version.

create sequence routing_version;

alter table agent add column routing_version bigint not null default nextval('routing_version');

create function routing_agent_profile_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update agent set routing_version = nextval('routing_version') where id = old.agent_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.agent_id is distinct from old.agent_id) then
        update agent set routing_version = nextval('routing_version') where id = new.agent_id;
    end if;
    return null;
end $$;

create trigger agent_skill_version after insert or update or delete on agent_skill
    for each row execute function routing_agent_profile_changed();
create trigger agent_capacity_version after insert or update or delete on agent_capacity
    for each row execute function routing_agent_profile_changed();

-- The round-robin cursor moves with every round of a ROUND_ROBIN queue and is read afresh; every other column is a
-- setting, and changing one bumps the version.
alter table routing_queue add column settings_version bigint not null default nextval('routing_version');

create function routing_queue_settings_changed() returns trigger language plpgsql as $$
begin
    if (new.name, new.strategy, new.escalation_steps, new.sla_target_seconds, new.overflow_queue_id,
        new.offer_timeout_seconds, new.wrap_up_seconds, new.max_wait_seconds)
       is distinct from (old.name, old.strategy, old.escalation_steps, old.sla_target_seconds, old.overflow_queue_id,
        old.offer_timeout_seconds, old.wrap_up_seconds, old.max_wait_seconds) then
        new.settings_version = nextval('routing_version');
    end if;
    return new;
end $$;

create trigger routing_queue_version before update on routing_queue
    for each row execute function routing_queue_settings_changed();
