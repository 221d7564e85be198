-- Every home page shows the leaders' framings of the open cycle along its reader's units: they
-- are kept in memory with the cycles, so a change to them moves the cycles' counter too.
-- Kept in step with migrations/postgres/0041_framings_revision.sql.
CREATE TRIGGER cycle_framings_revision_insert AFTER INSERT ON cycle_framings
BEGIN
    UPDATE organisations SET cycles_revision = cycles_revision + 1
    WHERE id = (SELECT org_id FROM cycles WHERE id = NEW.cycle_id);
END;

CREATE TRIGGER cycle_framings_revision_update AFTER UPDATE ON cycle_framings
BEGIN
    UPDATE organisations SET cycles_revision = cycles_revision + 1
    WHERE id IN (SELECT org_id FROM cycles WHERE id IN (OLD.cycle_id, NEW.cycle_id));
END;

CREATE TRIGGER cycle_framings_revision_delete AFTER DELETE ON cycle_framings
BEGIN
    UPDATE organisations SET cycles_revision = cycles_revision + 1
    WHERE id = (SELECT org_id FROM cycles WHERE id = OLD.cycle_id);
END;
