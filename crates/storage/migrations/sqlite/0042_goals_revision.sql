-- A counter that changes with every change to an organisation's strategic goals, so that a
-- server can keep the goal tree in memory (preparations, dialogues, dashboards and the
-- strategy pages read it) and still see a change made by any instance: the counter is read
-- with the logged-in user, as the units' and the cycles' are (0024, 0028).
-- Kept in step with migrations/postgres/0042_goals_revision.sql.
ALTER TABLE organisations ADD COLUMN goals_revision INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER goals_revision_insert AFTER INSERT ON strategic_goals
BEGIN
    UPDATE organisations SET goals_revision = goals_revision + 1 WHERE id = NEW.org_id;
END;

CREATE TRIGGER goals_revision_update AFTER UPDATE ON strategic_goals
BEGIN
    UPDATE organisations SET goals_revision = goals_revision + 1
    WHERE id IN (OLD.org_id, NEW.org_id);
END;

CREATE TRIGGER goals_revision_delete AFTER DELETE ON strategic_goals
BEGIN
    UPDATE organisations SET goals_revision = goals_revision + 1 WHERE id = OLD.org_id;
END;
