-- Holding the conversation, its shared notes and its development agreement; kept in step with
-- migrations/sqlite/0010_agreements.sql.
ALTER TABLE conversations ADD COLUMN held_at TIMESTAMPTZ;

CREATE TABLE conversation_notes (
    conversation_id UUID PRIMARY KEY NOT NULL REFERENCES conversations (id),
    text TEXT NOT NULL,
    revision INTEGER NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- The terms and the amendments as one JSON document: they are always read and written
-- together, under one revision. The signatures are columns so that stages can be counted.
CREATE TABLE agreements (
    conversation_id UUID PRIMARY KEY NOT NULL REFERENCES conversations (id),
    document TEXT NOT NULL,
    employee_signed_at TIMESTAMPTZ,
    leader_signed_at TIMESTAMPTZ,
    revision INTEGER NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
