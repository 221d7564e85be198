-- Following agreements through; kept in step with migrations/sqlite/0015_progress.sql.

-- The agreement's actions and commitments, one row each, rewritten with every save of the
-- agreement (whose document stays the source of truth): what lets MOUSE ask "what does this
-- person own", "what is overdue" without reading every agreement.
CREATE TABLE agreement_items (
    item_id UUID PRIMARY KEY NOT NULL,
    conversation_id UUID NOT NULL REFERENCES agreements (conversation_id),
    kind TEXT NOT NULL CHECK (kind IN ('action', 'commitment')),
    text TEXT NOT NULL,
    owner_id UUID NOT NULL REFERENCES people (id),
    due DATE,
    progress TEXT NOT NULL
);
CREATE INDEX agreement_items_conversation ON agreement_items (conversation_id);
CREATE INDEX agreement_items_owner ON agreement_items (owner_id);

-- Every report on an action or a commitment, kept.
CREATE TABLE progress_updates (
    id UUID PRIMARY KEY NOT NULL,
    conversation_id UUID NOT NULL REFERENCES agreements (conversation_id),
    item_id UUID NOT NULL,
    by_id UUID NOT NULL REFERENCES people (id),
    at TIMESTAMPTZ NOT NULL,
    progress TEXT NOT NULL,
    note TEXT NOT NULL
);
CREATE INDEX progress_updates_conversation ON progress_updates (conversation_id);
