-- Agenda points from both parties; kept in step with migrations/sqlite/0008_agenda.sql.
CREATE TABLE agenda_points (
    id UUID PRIMARY KEY NOT NULL,
    conversation_id UUID NOT NULL REFERENCES conversations (id),
    side TEXT NOT NULL CHECK (side IN ('employee', 'leader')),
    text TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX agenda_points_conversation ON agenda_points (conversation_id, created_at);
