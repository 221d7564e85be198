-- The effect the leadership group wants from a cycle: measurable intentions with targets;
-- kept in step with migrations/sqlite/0021_effect_intentions.sql. The metric is a code such
-- as 'share:held', 'served:<goal id>' or 'evaluation:worth' (domain::intention::Metric).
CREATE TABLE effect_intentions (
    id UUID PRIMARY KEY,
    org_id UUID NOT NULL REFERENCES organisations (id),
    cycle_id UUID NOT NULL REFERENCES cycles (id),
    text TEXT NOT NULL,
    metric TEXT NOT NULL,
    target DOUBLE PRECISION NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX effect_intentions_cycle ON effect_intentions (org_id, cycle_id);
