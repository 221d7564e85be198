-- The parts of a conversation its employee shares with HR; kept in step with
-- migrations/sqlite/0014_hr_shares.sql.
CREATE TABLE conversation_hr_shares (
    conversation_id UUID NOT NULL REFERENCES conversations (id),
    part TEXT NOT NULL CHECK (part IN ('agreement', 'contract')),
    PRIMARY KEY (conversation_id, part)
);
