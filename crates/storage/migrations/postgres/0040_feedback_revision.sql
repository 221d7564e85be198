-- The leadership's list of a cycle's shared feedback (who gave each item, in which unit, with
-- which handle and response; not the texts) is kept in memory per cycle under this counter.
-- Triggers move it on any change to the cycle's feedback or the leadership's responses and,
-- for every cycle of the organisation, when someone is renamed, changes unit or leaves the
-- table: so a change made by any instance is seen at the next read. Apart from the answers'
-- counter (0029), so that a response leaves the answers in memory and an evaluation the list.
-- Kept in step with migrations/sqlite/0040_feedback_revision.sql.
CREATE TABLE feedback_revisions (
    cycle_id UUID PRIMARY KEY NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    revision BIGINT NOT NULL
);

-- The cycles of the old and the new row; a response names its conversation, and so its cycle.
CREATE FUNCTION bump_feedback_revision() RETURNS trigger AS $$
DECLARE
    old_cycle UUID;
    new_cycle UUID;
BEGIN
    IF TG_TABLE_NAME = 'strategic_feedback' THEN
        IF TG_OP <> 'INSERT' THEN old_cycle := OLD.cycle_id; END IF;
        IF TG_OP <> 'DELETE' THEN new_cycle := NEW.cycle_id; END IF;
    ELSE
        IF TG_OP <> 'INSERT' THEN
            SELECT cycle_id INTO old_cycle FROM conversations WHERE id = OLD.conversation_id;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            SELECT cycle_id INTO new_cycle FROM conversations WHERE id = NEW.conversation_id;
        END IF;
    END IF;
    INSERT INTO feedback_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE id IN (old_cycle, new_cycle)
    ON CONFLICT (cycle_id) DO UPDATE SET revision = feedback_revisions.revision + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER feedback_revision
AFTER INSERT OR UPDATE OR DELETE ON strategic_feedback
FOR EACH ROW EXECUTE FUNCTION bump_feedback_revision();

CREATE TRIGGER responses_feedback_revision
AFTER INSERT OR UPDATE OR DELETE ON feedback_responses
FOR EACH ROW EXECUTE FUNCTION bump_feedback_revision();

-- Someone's name or unit: every cycle of their organisation may list them.
CREATE FUNCTION bump_feedback_revisions_of_org() RETURNS trigger AS $$
BEGIN
    INSERT INTO feedback_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE org_id = OLD.org_id
    ON CONFLICT (cycle_id) DO UPDATE SET revision = feedback_revisions.revision + 1;
    IF TG_OP = 'UPDATE' AND NEW.org_id <> OLD.org_id THEN
        INSERT INTO feedback_revisions (cycle_id, revision)
        SELECT id, 1 FROM cycles WHERE org_id = NEW.org_id
        ON CONFLICT (cycle_id) DO UPDATE SET revision = feedback_revisions.revision + 1;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER people_feedback_revision_update AFTER UPDATE OF name, unit_id, org_id ON people
FOR EACH ROW WHEN (OLD.name <> NEW.name OR OLD.unit_id IS DISTINCT FROM NEW.unit_id
    OR OLD.org_id <> NEW.org_id)
EXECUTE FUNCTION bump_feedback_revisions_of_org();

CREATE TRIGGER people_feedback_revision_delete AFTER DELETE ON people
FOR EACH ROW EXECUTE FUNCTION bump_feedback_revisions_of_org();
