-- A counter that changes with every change to an organisation's cycles, their follow-up dates
-- and focus goals, so that a server can keep the cycles in memory (every page needs them) and
-- still see a change made by any instance: the counter is read with the logged-in user.
-- Kept in step with migrations/sqlite/0028_cycles_revision.sql. Triggers, as for units.
ALTER TABLE organisations ADD COLUMN cycles_revision BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION bump_cycles_revision() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE organisations SET cycles_revision = cycles_revision + 1 WHERE id = NEW.org_id;
    ELSE
        UPDATE organisations SET cycles_revision = cycles_revision + 1 WHERE id = OLD.org_id;
        IF TG_OP = 'UPDATE' AND NEW.org_id <> OLD.org_id THEN
            UPDATE organisations SET cycles_revision = cycles_revision + 1 WHERE id = NEW.org_id;
        END IF;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER cycles_revision AFTER INSERT OR UPDATE OR DELETE ON cycles
FOR EACH ROW EXECUTE FUNCTION bump_cycles_revision();

-- The rows that belong to a cycle: the organisation is the cycle's.
CREATE FUNCTION bump_cycles_revision_of_part() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        UPDATE organisations SET cycles_revision = cycles_revision + 1
        WHERE id = (SELECT org_id FROM cycles WHERE id = NEW.cycle_id);
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.cycle_id <> OLD.cycle_id) THEN
        UPDATE organisations SET cycles_revision = cycles_revision + 1
        WHERE id = (SELECT org_id FROM cycles WHERE id = OLD.cycle_id);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER cycle_follow_ups_revision AFTER INSERT OR UPDATE OR DELETE ON cycle_follow_ups
FOR EACH ROW EXECUTE FUNCTION bump_cycles_revision_of_part();

CREATE TRIGGER cycle_focus_goals_revision AFTER INSERT OR UPDATE OR DELETE ON cycle_focus_goals
FOR EACH ROW EXECUTE FUNCTION bump_cycles_revision_of_part();
