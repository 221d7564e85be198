-- Conversations and their scheduling; kept in step with migrations/postgres/0005_conversations.sql.
CREATE TABLE conversations (
    id BLOB PRIMARY KEY NOT NULL,
    org_id BLOB NOT NULL REFERENCES organisations (id),
    cycle_id BLOB NOT NULL REFERENCES cycles (id),
    employee_id BLOB NOT NULL REFERENCES people (id),
    leader_id BLOB NOT NULL REFERENCES people (id),
    starts_at TEXT,
    duration_minutes INTEGER,
    place TEXT NOT NULL,
    video_link TEXT,
    agenda_note TEXT NOT NULL,
    preparation_deadline TEXT,
    proposed_start TEXT,
    proposal_note TEXT NOT NULL,
    cancelled BOOLEAN NOT NULL,
    sequence INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (cycle_id, employee_id)
);
CREATE INDEX conversations_leader ON conversations (leader_id);
CREATE INDEX conversations_employee ON conversations (employee_id);
