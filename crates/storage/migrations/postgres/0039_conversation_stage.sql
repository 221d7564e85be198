-- A conversation's stage as a column, computed from the columns it depends on (its marks are
-- kept on it by triggers), so that counting an organisation's conversations per stage reads an
-- index instead of every row: the HR cycle overview joined each of 50,000 people with their
-- conversation's row to learn its stage (0.35 s), the list of all conversations read all
-- 250,000 (0.14 s). The numbers are the stage's position in domain::conversation::Stage::ALL;
-- the conversation list's tests hold them to the domain's own answer.
-- PostgreSQL computes a generated column when the row is written.
-- Kept in step with migrations/sqlite/0039_conversation_stage.sql.
ALTER TABLE conversations ADD COLUMN stage INTEGER NOT NULL GENERATED ALWAYS AS (
    CASE
        WHEN cancelled THEN 5
        WHEN starts_at IS NULL THEN 0
        WHEN agreed THEN 4
        WHEN held_at IS NOT NULL THEN 3
        WHEN prepared THEN 2
        ELSE 1
    END
) STORED;
-- A cycle's conversation of each person, with its stage: the overview's counts.
CREATE INDEX conversations_cycle_stage ON conversations (cycle_id, employee_id, stage);
-- An organisation's conversations per stage: the list of all conversations.
CREATE INDEX conversations_org_stage ON conversations (org_id, stage, cycle_id);
-- The active staff per unit with their ids, so that the overview's join reads no person's row.
DROP INDEX people_org_active_unit;
CREATE INDEX people_org_active_unit ON people (org_id, active, unit_id, id);
-- The new column's statistics at once, not at autovacuum's next round.
ANALYZE conversations;
ANALYZE people;
