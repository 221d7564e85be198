-- Strategic goals: a tree per organisation; kept in step with migrations/sqlite/0002_strategy.sql.
CREATE TABLE strategic_goals (
    id UUID PRIMARY KEY NOT NULL,
    org_id UUID NOT NULL REFERENCES organisations (id),
    parent_id UUID REFERENCES strategic_goals (id),
    unit_id UUID NOT NULL REFERENCES units (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    period_from DATE NOT NULL,
    period_to DATE NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'achieved', 'dropped')),
    retired BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CHECK (period_from <= period_to)
);
CREATE INDEX strategic_goals_org ON strategic_goals (org_id);
CREATE INDEX strategic_goals_parent ON strategic_goals (parent_id);
