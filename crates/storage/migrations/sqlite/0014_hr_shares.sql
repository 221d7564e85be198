-- The parts of a conversation its employee shares with HR; kept in step with
-- migrations/postgres/0014_hr_shares.sql.
CREATE TABLE conversation_hr_shares (
    conversation_id BLOB NOT NULL REFERENCES conversations (id),
    part TEXT NOT NULL CHECK (part IN ('agreement', 'contract')),
    PRIMARY KEY (conversation_id, part)
);
