-- Every home page shows the leaders' framings of the open cycle along its reader's units: they
-- are kept in memory with the cycles, so a change to them moves the cycles' counter too.
-- Kept in step with migrations/sqlite/0041_framings_revision.sql.
CREATE TRIGGER cycle_framings_revision AFTER INSERT OR UPDATE OR DELETE ON cycle_framings
FOR EACH ROW EXECUTE FUNCTION bump_cycles_revision_of_part();
