-- The leadership's list of a cycle's shared feedback (who gave each item, in which unit, with
-- which handle and response; not the texts) is kept in memory per cycle under this counter.
-- Triggers move it on any change to the cycle's feedback or the leadership's responses and,
-- for every cycle of the organisation, when someone is renamed, changes unit or leaves the
-- table: so a change made by any instance is seen at the next read. Apart from the answers'
-- counter (0029), so that a response leaves the answers in memory and an evaluation the list.
-- Kept in step with migrations/postgres/0040_feedback_revision.sql.
CREATE TABLE feedback_revisions (
    cycle_id BLOB PRIMARY KEY NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    revision BIGINT NOT NULL
);

CREATE TRIGGER feedback_revision_insert AFTER INSERT ON strategic_feedback
BEGIN
    INSERT INTO feedback_revisions (cycle_id, revision) VALUES (NEW.cycle_id, 1)
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER feedback_revision_update AFTER UPDATE ON strategic_feedback
BEGIN
    INSERT INTO feedback_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE id IN (OLD.cycle_id, NEW.cycle_id)
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER feedback_revision_delete AFTER DELETE ON strategic_feedback
BEGIN
    INSERT INTO feedback_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE id = OLD.cycle_id
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

-- A response names its conversation, and so its cycle.
CREATE TRIGGER responses_feedback_revision_insert AFTER INSERT ON feedback_responses
BEGIN
    INSERT INTO feedback_revisions (cycle_id, revision)
    SELECT cycle_id, 1 FROM conversations WHERE id = NEW.conversation_id
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER responses_feedback_revision_update AFTER UPDATE ON feedback_responses
BEGIN
    INSERT INTO feedback_revisions (cycle_id, revision)
    SELECT cycle_id, 1 FROM conversations WHERE id IN (OLD.conversation_id, NEW.conversation_id)
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER responses_feedback_revision_delete AFTER DELETE ON feedback_responses
BEGIN
    INSERT INTO feedback_revisions (cycle_id, revision)
    SELECT cycle_id, 1 FROM conversations WHERE id = OLD.conversation_id
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER people_feedback_revision_update AFTER UPDATE OF name, unit_id, org_id ON people
WHEN OLD.name IS NOT NEW.name OR OLD.unit_id IS NOT NEW.unit_id OR OLD.org_id IS NOT NEW.org_id
BEGIN
    INSERT INTO feedback_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE org_id IN (OLD.org_id, NEW.org_id)
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER people_feedback_revision_delete AFTER DELETE ON people
BEGIN
    INSERT INTO feedback_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE org_id = OLD.org_id
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;
