-- Two-sided preparation; kept in step with migrations/sqlite/0006_preparations.sql.
ALTER TABLE conversations ADD COLUMN version_id UUID REFERENCES question_set_versions (id);

CREATE TABLE preparations (
    conversation_id UUID NOT NULL REFERENCES conversations (id),
    side TEXT NOT NULL CHECK (side IN ('employee', 'leader')),
    answers TEXT NOT NULL,
    revision INTEGER NOT NULL,
    shared BOOLEAN NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (conversation_id, side)
);
