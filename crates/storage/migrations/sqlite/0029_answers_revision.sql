-- How many personal answers each unit holds in a cycle decides which units may show their
-- averages (domain::disclosure). A server keeps those counts in memory per cycle under this
-- counter, which triggers move on any change to the cycle's evaluations or shared feedback and,
-- for every cycle of the organisation, when someone changes unit or leaves the table: so a
-- change made by any instance is seen at the next read. Per cycle, so that the answers coming
-- in to an open cycle leave the closed cycles' counts in memory. Kept in step with
-- migrations/postgres/0029_answers_revision.sql.
CREATE TABLE answers_revisions (
    cycle_id BLOB PRIMARY KEY NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    revision BIGINT NOT NULL
);

CREATE TRIGGER evaluations_answers_revision_insert AFTER INSERT ON conversation_evaluations
BEGIN
    INSERT INTO answers_revisions (cycle_id, revision) VALUES (NEW.cycle_id, 1)
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER evaluations_answers_revision_update AFTER UPDATE ON conversation_evaluations
BEGIN
    INSERT INTO answers_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE id IN (OLD.cycle_id, NEW.cycle_id)
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER evaluations_answers_revision_delete AFTER DELETE ON conversation_evaluations
BEGIN
    INSERT INTO answers_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE id = OLD.cycle_id
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER feedback_answers_revision_insert AFTER INSERT ON strategic_feedback
BEGIN
    INSERT INTO answers_revisions (cycle_id, revision) VALUES (NEW.cycle_id, 1)
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER feedback_answers_revision_update AFTER UPDATE ON strategic_feedback
BEGIN
    INSERT INTO answers_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE id IN (OLD.cycle_id, NEW.cycle_id)
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER feedback_answers_revision_delete AFTER DELETE ON strategic_feedback
BEGIN
    INSERT INTO answers_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE id = OLD.cycle_id
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER people_answers_revision_update AFTER UPDATE OF unit_id, org_id ON people
WHEN OLD.unit_id IS NOT NEW.unit_id OR OLD.org_id IS NOT NEW.org_id
BEGIN
    INSERT INTO answers_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE org_id IN (OLD.org_id, NEW.org_id)
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER people_answers_revision_delete AFTER DELETE ON people
BEGIN
    INSERT INTO answers_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE org_id = OLD.org_id
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;
