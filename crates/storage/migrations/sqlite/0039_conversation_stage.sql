-- A conversation's stage as a column, computed from the columns it depends on (its marks are
-- kept on it by triggers), so that counting an organisation's conversations per stage reads an
-- index instead of every row: the HR cycle overview joined each of 50,000 people with their
-- conversation's row to learn its stage (0.35 s), the list of all conversations read all
-- 250,000 (0.14 s). The numbers are the stage's position in domain::conversation::Stage::ALL;
-- the conversation list's tests hold them to the domain's own answer.
-- SQLite can add a generated column only as VIRTUAL: computed when read, and stored in the indexes below.
-- Kept in step with migrations/postgres/0039_conversation_stage.sql.
ALTER TABLE conversations ADD COLUMN stage INTEGER NOT NULL GENERATED ALWAYS AS (
    CASE
        WHEN cancelled THEN 5
        WHEN starts_at IS NULL THEN 0
        WHEN agreed THEN 4
        WHEN held_at IS NOT NULL THEN 3
        WHEN prepared THEN 2
        ELSE 1
    END
) VIRTUAL;
-- A cycle's conversation of each person, with its stage: the overview's counts.
CREATE INDEX conversations_cycle_stage ON conversations (cycle_id, employee_id, stage);
-- An organisation's conversations per stage: the list of all conversations.
CREATE INDEX conversations_org_stage ON conversations (org_id, stage, cycle_id);
-- The active staff per unit with their ids, so that the overview's join reads no person's row.
DROP INDEX people_org_active_unit;
CREATE INDEX people_org_active_unit ON people (org_id, active, unit_id, id);
-- Statistics read in full for the new indexes. Sampled (the analysis limit the server sets,
-- 400 rows), they say that an organisation has 401 conversations, and SQLite then counted a
-- follow-up list's waiting conversations through conversations_org_stage instead of the partial
-- index of unsigned ones (30 ms → 1.2 s).
PRAGMA analysis_limit = 0;
ANALYZE conversations;
ANALYZE people;
PRAGMA analysis_limit = 400;
