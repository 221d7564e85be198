-- The strategic dialogue: the employee's feedback per focus goal; kept in step with
-- migrations/postgres/0011_dialogue.sql. Organisation, cycle and employee are repeated from the
-- conversation so that the leadership's view reads one table.
CREATE TABLE strategic_feedback (
    conversation_id BLOB NOT NULL REFERENCES conversations (id),
    goal_id BLOB NOT NULL REFERENCES strategic_goals (id),
    org_id BLOB NOT NULL REFERENCES organisations (id),
    cycle_id BLOB NOT NULL REFERENCES cycles (id),
    employee_id BLOB NOT NULL REFERENCES people (id),
    contribution TEXT NOT NULL,
    hard_situations TEXT NOT NULL,
    what_then TEXT NOT NULL,
    opportunities TEXT NOT NULL,
    barriers TEXT NOT NULL,
    clarity INTEGER CHECK (clarity BETWEEN 1 AND 5),
    visibility TEXT NOT NULL CHECK (visibility IN ('conversation', 'named', 'anonymous')),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (conversation_id, goal_id)
);
CREATE INDEX strategic_feedback_cycle ON strategic_feedback (org_id, cycle_id);
