-- Every version of the match model: the priors (version 0) and each EM estimate, with what it was
-- estimated from. Exactly one is active; decisions name the version that made them.
create table match_model (
    version          integer primary key,
    m                jsonb            not null,   -- per comparison, the m probability of each level
    u                jsonb            not null,
    prior_weight     double precision not null,
    link_threshold   double precision not null,
    review_threshold double precision not null,
    pairs            integer          not null,   -- candidate pairs it was estimated from (0 for the priors)
    iterations       integer          not null,
    converged        boolean          not null,
    problems         text             not null,   -- why it may not be activated (a JSON array); empty when plausible
    trained_at       timestamptz      not null,
    trained_by       text             not null,
    active           boolean          not null default false
);
create unique index match_model_one_active on match_model (active) where active;

alter table match_decision add column model_version integer;
