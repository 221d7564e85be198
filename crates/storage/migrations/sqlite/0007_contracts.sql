-- The psychological contract, one per conversation; kept in step with migrations/postgres/0007_contracts.sql.
CREATE TABLE contracts (
    conversation_id BLOB PRIMARY KEY NOT NULL REFERENCES conversations (id),
    items TEXT NOT NULL,
    employee_confirmed BOOLEAN NOT NULL,
    leader_confirmed BOOLEAN NOT NULL,
    revision INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
