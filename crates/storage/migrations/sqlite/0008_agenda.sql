-- Agenda points from both parties; kept in step with migrations/postgres/0008_agenda.sql.
CREATE TABLE agenda_points (
    id BLOB PRIMARY KEY NOT NULL,
    conversation_id BLOB NOT NULL REFERENCES conversations (id),
    side TEXT NOT NULL CHECK (side IN ('employee', 'leader')),
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX agenda_points_conversation ON agenda_points (conversation_id, created_at);
