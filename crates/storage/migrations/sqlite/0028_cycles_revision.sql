-- A counter that changes with every change to an organisation's cycles, their follow-up dates
-- and focus goals, so that a server can keep the cycles in memory (every page needs them) and
-- still see a change made by any instance: the counter is read with the logged-in user.
-- Kept in step with migrations/postgres/0028_cycles_revision.sql. Triggers, as for units.
ALTER TABLE organisations ADD COLUMN cycles_revision BIGINT NOT NULL DEFAULT 0;

CREATE TRIGGER cycles_revision_insert AFTER INSERT ON cycles
BEGIN
    UPDATE organisations SET cycles_revision = cycles_revision + 1 WHERE id = NEW.org_id;
END;

CREATE TRIGGER cycles_revision_update AFTER UPDATE ON cycles
BEGIN
    UPDATE organisations SET cycles_revision = cycles_revision + 1
    WHERE id IN (OLD.org_id, NEW.org_id);
END;

CREATE TRIGGER cycles_revision_delete AFTER DELETE ON cycles
BEGIN
    UPDATE organisations SET cycles_revision = cycles_revision + 1 WHERE id = OLD.org_id;
END;

CREATE TRIGGER cycle_follow_ups_revision_insert AFTER INSERT ON cycle_follow_ups
BEGIN
    UPDATE organisations SET cycles_revision = cycles_revision + 1
    WHERE id = (SELECT org_id FROM cycles WHERE id = NEW.cycle_id);
END;

CREATE TRIGGER cycle_follow_ups_revision_update AFTER UPDATE ON cycle_follow_ups
BEGIN
    UPDATE organisations SET cycles_revision = cycles_revision + 1
    WHERE id IN (SELECT org_id FROM cycles WHERE id IN (OLD.cycle_id, NEW.cycle_id));
END;

CREATE TRIGGER cycle_follow_ups_revision_delete AFTER DELETE ON cycle_follow_ups
BEGIN
    UPDATE organisations SET cycles_revision = cycles_revision + 1
    WHERE id = (SELECT org_id FROM cycles WHERE id = OLD.cycle_id);
END;

CREATE TRIGGER cycle_focus_goals_revision_insert AFTER INSERT ON cycle_focus_goals
BEGIN
    UPDATE organisations SET cycles_revision = cycles_revision + 1
    WHERE id = (SELECT org_id FROM cycles WHERE id = NEW.cycle_id);
END;

CREATE TRIGGER cycle_focus_goals_revision_update AFTER UPDATE ON cycle_focus_goals
BEGIN
    UPDATE organisations SET cycles_revision = cycles_revision + 1
    WHERE id IN (SELECT org_id FROM cycles WHERE id IN (OLD.cycle_id, NEW.cycle_id));
END;

CREATE TRIGGER cycle_focus_goals_revision_delete AFTER DELETE ON cycle_focus_goals
BEGIN
    UPDATE organisations SET cycles_revision = cycles_revision + 1
    WHERE id = (SELECT org_id FROM cycles WHERE id = OLD.cycle_id);
END;
