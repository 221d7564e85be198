-- Conversations and their scheduling; kept in step with migrations/sqlite/0005_conversations.sql.
CREATE TABLE conversations (
    id UUID PRIMARY KEY NOT NULL,
    org_id UUID NOT NULL REFERENCES organisations (id),
    cycle_id UUID NOT NULL REFERENCES cycles (id),
    employee_id UUID NOT NULL REFERENCES people (id),
    leader_id UUID NOT NULL REFERENCES people (id),
    starts_at TIMESTAMPTZ,
    duration_minutes INTEGER,
    place TEXT NOT NULL,
    video_link TEXT,
    agenda_note TEXT NOT NULL,
    preparation_deadline DATE,
    proposed_start TIMESTAMPTZ,
    proposal_note TEXT NOT NULL,
    cancelled BOOLEAN NOT NULL,
    sequence INTEGER NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (cycle_id, employee_id)
);
CREATE INDEX conversations_leader ON conversations (leader_id);
CREATE INDEX conversations_employee ON conversations (employee_id);
