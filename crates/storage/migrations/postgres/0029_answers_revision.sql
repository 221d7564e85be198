-- How many personal answers each unit holds in a cycle decides which units may show their
-- averages (domain::disclosure). A server keeps those counts in memory per cycle under this
-- counter, which triggers move on any change to the cycle's evaluations or shared feedback and,
-- for every cycle of the organisation, when someone changes unit or leaves the table: so a
-- change made by any instance is seen at the next read. Per cycle, so that the answers coming
-- in to an open cycle leave the closed cycles' counts in memory. Kept in step with
-- migrations/sqlite/0029_answers_revision.sql.
CREATE TABLE answers_revisions (
    cycle_id UUID PRIMARY KEY NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    revision BIGINT NOT NULL
);

-- The answers of a cycle: evaluations and shared feedback name their cycle.
CREATE FUNCTION bump_answers_revision() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO answers_revisions (cycle_id, revision) VALUES (NEW.cycle_id, 1)
        ON CONFLICT (cycle_id) DO UPDATE SET revision = answers_revisions.revision + 1;
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.cycle_id <> OLD.cycle_id) THEN
        INSERT INTO answers_revisions (cycle_id, revision)
        SELECT id, 1 FROM cycles WHERE id = OLD.cycle_id
        ON CONFLICT (cycle_id) DO UPDATE SET revision = answers_revisions.revision + 1;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER evaluations_answers_revision
AFTER INSERT OR UPDATE OR DELETE ON conversation_evaluations
FOR EACH ROW EXECUTE FUNCTION bump_answers_revision();

CREATE TRIGGER feedback_answers_revision
AFTER INSERT OR UPDATE OR DELETE ON strategic_feedback
FOR EACH ROW EXECUTE FUNCTION bump_answers_revision();

-- Someone's unit: every cycle of their organisation counts their answers elsewhere now.
CREATE FUNCTION bump_answers_revisions_of_org() RETURNS trigger AS $$
BEGIN
    INSERT INTO answers_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE org_id = OLD.org_id
    ON CONFLICT (cycle_id) DO UPDATE SET revision = answers_revisions.revision + 1;
    IF TG_OP = 'UPDATE' AND NEW.org_id <> OLD.org_id THEN
        INSERT INTO answers_revisions (cycle_id, revision)
        SELECT id, 1 FROM cycles WHERE org_id = NEW.org_id
        ON CONFLICT (cycle_id) DO UPDATE SET revision = answers_revisions.revision + 1;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER people_answers_revision_update AFTER UPDATE OF unit_id, org_id ON people
FOR EACH ROW WHEN (OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.org_id <> NEW.org_id)
EXECUTE FUNCTION bump_answers_revisions_of_org();

CREATE TRIGGER people_answers_revision_delete AFTER DELETE ON people
FOR EACH ROW EXECUTE FUNCTION bump_answers_revisions_of_org();
