-- Each party's evaluation of a held conversation, given once and never changed; kept in step
-- with migrations/postgres/0020_evaluations.sql. Organisation, cycle, employee and leader are
-- repeated from the conversation so that a leader's results and the dashboards read one table.
CREATE TABLE conversation_evaluations (
    conversation_id BLOB NOT NULL REFERENCES conversations (id),
    side TEXT NOT NULL CHECK (side IN ('employee', 'leader')),
    org_id BLOB NOT NULL REFERENCES organisations (id),
    cycle_id BLOB NOT NULL REFERENCES cycles (id),
    employee_id BLOB NOT NULL REFERENCES people (id),
    leader_id BLOB NOT NULL REFERENCES people (id),
    equals INTEGER NOT NULL CHECK (equals BETWEEN 1 AND 5),
    strategy INTEGER NOT NULL CHECK (strategy BETWEEN 1 AND 5),
    priorities INTEGER NOT NULL CHECK (priorities BETWEEN 1 AND 5),
    worth INTEGER NOT NULL CHECK (worth BETWEEN 1 AND 5),
    comment TEXT NOT NULL,
    given_at TEXT NOT NULL,
    PRIMARY KEY (conversation_id, side)
);
CREATE INDEX conversation_evaluations_leader ON conversation_evaluations (org_id, leader_id);
CREATE INDEX conversation_evaluations_cycle ON conversation_evaluations (org_id, cycle_id);
