-- A counter that changes with every change to an organisation's units, so that a server can keep
-- the unit tree in memory and still see, with one small read, a change made by any instance.
-- Kept in step with migrations/postgres/0024_units_revision.sql. Triggers, not the code that
-- writes units, bump it: no write path (an import's transaction included) can forget it.
ALTER TABLE organisations ADD COLUMN units_revision BIGINT NOT NULL DEFAULT 0;

CREATE TRIGGER units_revision_insert AFTER INSERT ON units
BEGIN
    UPDATE organisations SET units_revision = units_revision + 1 WHERE id = NEW.org_id;
END;

CREATE TRIGGER units_revision_update AFTER UPDATE ON units
BEGIN
    UPDATE organisations SET units_revision = units_revision + 1
    WHERE id IN (OLD.org_id, NEW.org_id);
END;

CREATE TRIGGER units_revision_delete AFTER DELETE ON units
BEGIN
    UPDATE organisations SET units_revision = units_revision + 1 WHERE id = OLD.org_id;
END;
