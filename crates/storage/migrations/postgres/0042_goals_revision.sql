-- A counter that changes with every change to an organisation's strategic goals, so that a
-- server can keep the goal tree in memory (preparations, dialogues, dashboards and the
-- strategy pages read it) and still see a change made by any instance: the counter is read
-- with the logged-in user, as the units' and the cycles' are (0024, 0028).
-- Kept in step with migrations/sqlite/0042_goals_revision.sql.
ALTER TABLE organisations ADD COLUMN goals_revision BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION bump_goals_revision() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE organisations SET goals_revision = goals_revision + 1 WHERE id = NEW.org_id;
    ELSE
        UPDATE organisations SET goals_revision = goals_revision + 1 WHERE id = OLD.org_id;
        IF TG_OP = 'UPDATE' AND NEW.org_id <> OLD.org_id THEN
            UPDATE organisations SET goals_revision = goals_revision + 1 WHERE id = NEW.org_id;
        END IF;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER goals_revision AFTER INSERT OR UPDATE OR DELETE ON strategic_goals
FOR EACH ROW EXECUTE FUNCTION bump_goals_revision();
