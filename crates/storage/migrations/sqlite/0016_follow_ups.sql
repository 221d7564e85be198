-- Follow-up meetings on signed agreements; kept in step with migrations/postgres/0016_follow_ups.sql.
-- The reviews (per development goal) are one JSON document, written under the revision.
CREATE TABLE follow_ups (
    id BLOB PRIMARY KEY NOT NULL,
    conversation_id BLOB NOT NULL REFERENCES agreements (conversation_id),
    due TEXT NOT NULL,
    held_at TEXT,
    reviews TEXT NOT NULL,
    revision INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX follow_ups_conversation ON follow_ups (conversation_id);
CREATE INDEX follow_ups_due ON follow_ups (due);
