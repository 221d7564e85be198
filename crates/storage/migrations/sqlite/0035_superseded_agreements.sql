-- An agreement leaves the drawer when its employee signs the next one: that conversation opened
-- with it ("last year's agreement") and renegotiated the contract, so what was left open on it
-- was taken up there. The drawer detector, its lists and its reminders judge only each
-- employee's current agreements; the effect figures still count every cycle's agreements.
-- Kept on the conversation by triggers, like its marks (0033), so that an organisation's current
-- agreements are found from one index instead of judging five years of them.
-- Kept in step with migrations/postgres/0035_superseded_agreements.sql.
ALTER TABLE conversations ADD COLUMN superseded BOOLEAN NOT NULL DEFAULT FALSE;

-- Superseding counts for none of the effect figures.
DROP TRIGGER conversations_figures_update;
CREATE TRIGGER conversations_figures_update AFTER UPDATE ON conversations
WHEN OLD.prepared IS NEW.prepared AND OLD.agreed IS NEW.agreed
    AND OLD.superseded IS NEW.superseded
BEGIN
    INSERT INTO figures_touch (cycle_id, unit_id)
    SELECT OLD.cycle_id, unit_id FROM people WHERE id = OLD.employee_id
    UNION
    SELECT NEW.cycle_id, unit_id FROM people WHERE id = NEW.employee_id;
END;

-- Inserting an employee here is SQLite's way to call one procedure from the triggers below: it
-- judges again which of the employee's agreed conversations a later cycle's agreement supersedes,
-- writing only the rows that change.
CREATE VIEW supersede (employee_id) AS SELECT employee_id FROM conversations;

CREATE TRIGGER supersede_employee INSTEAD OF INSERT ON supersede
BEGIN
    UPDATE conversations SET superseded = NOT superseded
    WHERE employee_id = NEW.employee_id
      AND superseded IS NOT (agreed AND EXISTS (
          SELECT 1 FROM conversations later
          JOIN cycles later_cycle ON later_cycle.id = later.cycle_id
          WHERE later.employee_id = conversations.employee_id
            AND later.agreed
            AND later_cycle.conversations_from
                > (SELECT conversations_from FROM cycles WHERE id = conversations.cycle_id)));
END;

UPDATE conversations SET superseded = agreed AND EXISTS (
    SELECT 1 FROM conversations later
    JOIN cycles later_cycle ON later_cycle.id = later.cycle_id
    WHERE later.employee_id = conversations.employee_id
      AND later.agreed
      AND later_cycle.conversations_from
          > (SELECT conversations_from FROM cycles WHERE id = conversations.cycle_id));

CREATE TRIGGER conversations_supersede_update
AFTER UPDATE OF agreed, cycle_id, employee_id ON conversations
BEGIN
    INSERT INTO supersede (employee_id) VALUES (OLD.employee_id);
    INSERT INTO supersede (employee_id) SELECT NEW.employee_id WHERE NEW.employee_id IS NOT OLD.employee_id;
END;

CREATE TRIGGER conversations_supersede_delete AFTER DELETE ON conversations WHEN OLD.agreed
BEGIN
    INSERT INTO supersede (employee_id) VALUES (OLD.employee_id);
END;

-- Moving a cycle's dates can change which of two cycles is the later.
CREATE TRIGGER cycles_supersede AFTER UPDATE OF conversations_from ON cycles
WHEN OLD.conversations_from IS NOT NEW.conversations_from
BEGIN
    INSERT INTO supersede (employee_id)
    SELECT employee_id FROM conversations WHERE cycle_id = NEW.id AND agreed;
END;

-- The organisation's current agreements, for the follow-up list and HR's home.
CREATE INDEX conversations_current ON conversations (org_id, employee_id)
WHERE agreed AND NOT superseded;
