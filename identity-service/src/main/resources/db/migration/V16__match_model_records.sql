-- The current source records a version was estimated among, so the schedule can estimate again once the store has
-- grown; 0 for the priors, unknown (null) for versions estimated before this was kept.
alter table match_model add column records bigint;
update match_model set records = 0 where version = 0;
