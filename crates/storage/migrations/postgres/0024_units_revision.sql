-- A counter that changes with every change to an organisation's units, so that a server can keep
-- the unit tree in memory and still see, with one small read, a change made by any instance.
-- Kept in step with migrations/sqlite/0024_units_revision.sql. Triggers, not the code that
-- writes units, bump it: no write path (an import's transaction included) can forget it.
ALTER TABLE organisations ADD COLUMN units_revision BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION bump_units_revision() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE organisations SET units_revision = units_revision + 1 WHERE id = NEW.org_id;
    ELSE
        UPDATE organisations SET units_revision = units_revision + 1 WHERE id = OLD.org_id;
        IF TG_OP = 'UPDATE' AND NEW.org_id <> OLD.org_id THEN
            UPDATE organisations SET units_revision = units_revision + 1 WHERE id = NEW.org_id;
        END IF;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER units_revision AFTER INSERT OR UPDATE OR DELETE ON units
FOR EACH ROW EXECUTE FUNCTION bump_units_revision();
