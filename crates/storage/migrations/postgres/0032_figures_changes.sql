-- The organisation's effect figures are counted per unit of its people, so a server that keeps
-- them need recount only the units whose people, conversations, agreements or follow-ups changed:
-- every change moves its cycle's counter (figures_revisions) and marks its unit with the counter's
-- new value here. A reader that kept the counts at revision K recounts the units marked above K.
-- The counter's row lock orders the writers of a cycle, so marks commit in counter order.
-- Moving a person to another unit now counts too: it changes both units' counts.
-- Kept in step with migrations/sqlite/0032_figures_changes.sql.
CREATE TABLE figures_changes (
    cycle_id UUID NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    unit_id UUID NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    revision BIGINT NOT NULL,
    PRIMARY KEY (cycle_id, unit_id)
);

CREATE INDEX figures_changes_revision ON figures_changes (cycle_id, revision);

CREATE FUNCTION touch_figures(cycle UUID, unit UUID) RETURNS void AS $$
    INSERT INTO figures_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE id = cycle
    ON CONFLICT (cycle_id) DO UPDATE SET revision = figures_revisions.revision + 1;
    INSERT INTO figures_changes (cycle_id, unit_id, revision)
    SELECT cycle_id, unit, revision FROM figures_revisions WHERE cycle_id = cycle
    ON CONFLICT (cycle_id, unit_id) DO UPDATE SET revision = EXCLUDED.revision;
$$ LANGUAGE sql;

CREATE OR REPLACE FUNCTION conversations_figures_revision() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM touch_figures(OLD.cycle_id, unit_id) FROM people WHERE id = OLD.employee_id;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (NEW.cycle_id, NEW.employee_id)
            IS DISTINCT FROM (OLD.cycle_id, OLD.employee_id)) THEN
        PERFORM touch_figures(NEW.cycle_id, unit_id) FROM people WHERE id = NEW.employee_id;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Agreements and follow-ups name their conversation.
CREATE OR REPLACE FUNCTION conversation_figures_revision() RETURNS trigger AS $$
BEGIN
    PERFORM touch_figures(c.cycle_id, p.unit_id)
    FROM conversations c JOIN people p ON p.id = c.employee_id
    WHERE c.id = NEW.conversation_id;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Someone coming, leaving, going or moving: every cycle of their organisation counts their unit
-- (or both) otherwise.
CREATE OR REPLACE FUNCTION people_figures_revision() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM touch_figures(id, OLD.unit_id) FROM cycles WHERE org_id = OLD.org_id;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (NEW.org_id, NEW.unit_id)
            IS DISTINCT FROM (OLD.org_id, OLD.unit_id)) THEN
        PERFORM touch_figures(id, NEW.unit_id) FROM cycles WHERE org_id = NEW.org_id;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER people_figures_revision_update ON people;
CREATE TRIGGER people_figures_revision_update AFTER UPDATE OF active, org_id, unit_id ON people
FOR EACH ROW WHEN (OLD.active <> NEW.active OR OLD.org_id <> NEW.org_id
    OR OLD.unit_id <> NEW.unit_id)
EXECUTE FUNCTION people_figures_revision();

DROP FUNCTION bump_figures_revision(UUID);
