-- The competence catalogue HR keeps; kept in step with migrations/sqlite/0009_competences.sql.
CREATE TABLE competences (
    id UUID PRIMARY KEY NOT NULL,
    org_id UUID NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    retired BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX competences_org ON competences (org_id);

-- The strategic goals a competence serves.
CREATE TABLE competence_goals (
    competence_id UUID NOT NULL REFERENCES competences (id),
    goal_id UUID NOT NULL REFERENCES strategic_goals (id),
    PRIMARY KEY (competence_id, goal_id)
);
