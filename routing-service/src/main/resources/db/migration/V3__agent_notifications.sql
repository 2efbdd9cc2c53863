-- Real time to the agent, across replicas: every change an agent must see is announced with NOTIFY on the
-- channel routing_agent, by triggers, so it commits (or not) with the change itself whichever code path or
-- replica made it. The payload is small (agent, kind, id); the replica holding the agent's stream reads the details.
create function routing_notify_agent(agent text, kind text, id text) returns void language sql as $$
    select pg_notify('routing_agent', json_build_object('agent', agent, 'kind', kind, 'id', id)::text);
$$;

create function routing_offer_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' and new.status = 'OPEN' then
        perform routing_notify_agent(new.agent_id, 'offer', new.id::text);
    elsif tg_op = 'UPDATE' and old.status = 'OPEN' and new.status <> 'OPEN' then
        perform routing_notify_agent(new.agent_id, 'offer-closed', new.id::text);
    end if;
    return null;
end $$;

create trigger task_offer_notify after insert or update of status on task_offer
    for each row execute function routing_offer_changed();

create function routing_task_changed() returns trigger language plpgsql as $$
begin
    if new.state is distinct from old.state or new.agent_id is distinct from old.agent_id then
        if new.agent_id is not null then
            perform routing_notify_agent(new.agent_id, 'task', new.id::text);
        end if;
        if old.agent_id is not null and old.agent_id is distinct from new.agent_id then
            perform routing_notify_agent(old.agent_id, 'task', new.id::text);
        end if;
    end if;
    return null;
end $$;

create trigger routing_task_notify after update of state, agent_id on routing_task
    for each row execute function routing_task_changed();

create function routing_presence_changed() returns trigger language plpgsql as $$
begin
    if new.presence is distinct from old.presence or new.wrap_up_until is distinct from old.wrap_up_until then
        perform routing_notify_agent(new.id, 'presence', new.id);
    end if;
    return null;
end $$;

create trigger agent_presence_notify after update of presence, wrap_up_until on agent
    for each row execute function routing_presence_changed();
