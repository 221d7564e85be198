-- The competence catalogue HR keeps; kept in step with migrations/postgres/0009_competences.sql.
CREATE TABLE competences (
    id BLOB PRIMARY KEY NOT NULL,
    org_id BLOB NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    retired BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX competences_org ON competences (org_id);

-- The strategic goals a competence serves.
CREATE TABLE competence_goals (
    competence_id BLOB NOT NULL REFERENCES competences (id),
    goal_id BLOB NOT NULL REFERENCES strategic_goals (id),
    PRIMARY KEY (competence_id, goal_id)
);
