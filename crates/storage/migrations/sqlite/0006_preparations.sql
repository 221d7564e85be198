-- Two-sided preparation; kept in step with migrations/postgres/0006_preparations.sql.
ALTER TABLE conversations ADD COLUMN version_id BLOB REFERENCES question_set_versions (id);

CREATE TABLE preparations (
    conversation_id BLOB NOT NULL REFERENCES conversations (id),
    side TEXT NOT NULL CHECK (side IN ('employee', 'leader')),
    answers TEXT NOT NULL,
    revision INTEGER NOT NULL,
    shared BOOLEAN NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (conversation_id, side)
);
