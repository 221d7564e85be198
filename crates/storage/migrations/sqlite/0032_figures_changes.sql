-- The organisation's effect figures are counted per unit of its people, so a server that keeps
-- them need recount only the units whose people, conversations, agreements or follow-ups changed:
-- every change moves its cycle's counter (figures_revisions) and marks its unit with the counter's
-- new value here. A reader that kept the counts at revision K recounts the units marked above K.
-- Moving a person to another unit now counts too: it changes both units' counts.
-- Kept in step with migrations/postgres/0032_figures_changes.sql.
CREATE TABLE figures_changes (
    cycle_id BLOB NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    unit_id BLOB NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    revision BIGINT NOT NULL,
    PRIMARY KEY (cycle_id, unit_id)
);

CREATE INDEX figures_changes_revision ON figures_changes (cycle_id, revision);

-- Inserting (cycle, unit) here is SQLite's way to call one procedure from every trigger below.
CREATE VIEW figures_touch (cycle_id, unit_id) AS SELECT cycle_id, unit_id FROM figures_changes;

CREATE TRIGGER figures_touch_insert INSTEAD OF INSERT ON figures_touch
BEGIN
    INSERT INTO figures_revisions (cycle_id, revision) VALUES (NEW.cycle_id, 1)
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
    INSERT INTO figures_changes (cycle_id, unit_id, revision)
    SELECT cycle_id, NEW.unit_id, revision FROM figures_revisions WHERE cycle_id = NEW.cycle_id
    ON CONFLICT (cycle_id, unit_id) DO UPDATE SET revision = excluded.revision;
END;

DROP TRIGGER conversations_figures_revision_insert;
DROP TRIGGER conversations_figures_revision_update;
DROP TRIGGER conversations_figures_revision_delete;
DROP TRIGGER agreements_figures_revision_insert;
DROP TRIGGER agreements_figures_revision_update;
DROP TRIGGER follow_ups_figures_revision_insert;
DROP TRIGGER follow_ups_figures_revision_update;
DROP TRIGGER people_figures_revision_insert;
DROP TRIGGER people_figures_revision_update;
DROP TRIGGER people_figures_revision_delete;

CREATE TRIGGER conversations_figures_insert AFTER INSERT ON conversations
BEGIN
    INSERT INTO figures_touch (cycle_id, unit_id)
    SELECT NEW.cycle_id, unit_id FROM people WHERE id = NEW.employee_id;
END;

CREATE TRIGGER conversations_figures_update AFTER UPDATE ON conversations
BEGIN
    INSERT INTO figures_touch (cycle_id, unit_id)
    SELECT OLD.cycle_id, unit_id FROM people WHERE id = OLD.employee_id
    UNION
    SELECT NEW.cycle_id, unit_id FROM people WHERE id = NEW.employee_id;
END;

CREATE TRIGGER conversations_figures_delete AFTER DELETE ON conversations
BEGIN
    INSERT INTO figures_touch (cycle_id, unit_id)
    SELECT OLD.cycle_id, unit_id FROM people WHERE id = OLD.employee_id;
END;

CREATE TRIGGER agreements_figures_insert AFTER INSERT ON agreements
BEGIN
    INSERT INTO figures_touch (cycle_id, unit_id)
    SELECT c.cycle_id, p.unit_id FROM conversations c JOIN people p ON p.id = c.employee_id
    WHERE c.id = NEW.conversation_id;
END;

CREATE TRIGGER agreements_figures_update AFTER UPDATE ON agreements
BEGIN
    INSERT INTO figures_touch (cycle_id, unit_id)
    SELECT c.cycle_id, p.unit_id FROM conversations c JOIN people p ON p.id = c.employee_id
    WHERE c.id = NEW.conversation_id;
END;

CREATE TRIGGER follow_ups_figures_insert AFTER INSERT ON follow_ups
BEGIN
    INSERT INTO figures_touch (cycle_id, unit_id)
    SELECT c.cycle_id, p.unit_id FROM conversations c JOIN people p ON p.id = c.employee_id
    WHERE c.id = NEW.conversation_id;
END;

CREATE TRIGGER follow_ups_figures_update AFTER UPDATE ON follow_ups
BEGIN
    INSERT INTO figures_touch (cycle_id, unit_id)
    SELECT c.cycle_id, p.unit_id FROM conversations c JOIN people p ON p.id = c.employee_id
    WHERE c.id = NEW.conversation_id;
END;

-- Someone coming, leaving, going or moving: every cycle of their organisation counts their unit
-- (or both) otherwise.
CREATE TRIGGER people_figures_insert AFTER INSERT ON people
BEGIN
    INSERT INTO figures_touch (cycle_id, unit_id)
    SELECT id, NEW.unit_id FROM cycles WHERE org_id = NEW.org_id;
END;

CREATE TRIGGER people_figures_update AFTER UPDATE OF active, org_id, unit_id ON people
WHEN OLD.active IS NOT NEW.active OR OLD.org_id IS NOT NEW.org_id
    OR OLD.unit_id IS NOT NEW.unit_id
BEGIN
    INSERT INTO figures_touch (cycle_id, unit_id)
    SELECT id, OLD.unit_id FROM cycles WHERE org_id = OLD.org_id
    UNION
    SELECT id, NEW.unit_id FROM cycles WHERE org_id = NEW.org_id;
END;

CREATE TRIGGER people_figures_delete AFTER DELETE ON people
BEGIN
    INSERT INTO figures_touch (cycle_id, unit_id)
    SELECT id, OLD.unit_id FROM cycles WHERE org_id = OLD.org_id;
END;
