-- Strategic goals: a tree per organisation; kept in step with migrations/postgres/0002_strategy.sql.
CREATE TABLE strategic_goals (
    id BLOB PRIMARY KEY NOT NULL,
    org_id BLOB NOT NULL REFERENCES organisations (id),
    parent_id BLOB REFERENCES strategic_goals (id),
    unit_id BLOB NOT NULL REFERENCES units (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'achieved', 'dropped')),
    retired BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (period_from <= period_to)
);
CREATE INDEX strategic_goals_org ON strategic_goals (org_id);
CREATE INDEX strategic_goals_parent ON strategic_goals (parent_id);
