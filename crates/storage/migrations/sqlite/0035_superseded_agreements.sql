-- A conversation's agreement leaves the drawer when its employee signs one in a later cycle: that
-- conversation opened with it ("last year's agreement") and renegotiated the contract, so what
-- was left open on it, or never signed, was taken up there. The drawer detector, its lists and
-- its reminders judge only conversations not superseded; the effect figures still count every
-- cycle's. Kept on the conversation by triggers, like its marks (0033), so that an organisation's
-- current agreements are found from one index instead of judging five years of them.
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
-- judges again which of the employee's conversations a later cycle's signed agreement
-- supersedes, writing only the rows that change.
CREATE VIEW supersede (employee_id) AS SELECT employee_id FROM conversations;

CREATE TRIGGER supersede_employee INSTEAD OF INSERT ON supersede
BEGIN
    UPDATE conversations SET superseded = NOT superseded
    WHERE employee_id = NEW.employee_id
      AND superseded IS NOT EXISTS (
          SELECT 1 FROM conversations later
          JOIN cycles later_cycle ON later_cycle.id = later.cycle_id
          WHERE later.employee_id = conversations.employee_id
            AND later.agreed
            AND later_cycle.conversations_from
                > (SELECT conversations_from FROM cycles WHERE id = conversations.cycle_id));
END;

-- Every employee judged once, through the procedure above.
INSERT INTO supersede (employee_id) SELECT DISTINCT employee_id FROM conversations;

CREATE TRIGGER conversations_supersede_insert AFTER INSERT ON conversations
BEGIN
    INSERT INTO supersede (employee_id) VALUES (NEW.employee_id);
END;

CREATE TRIGGER conversations_supersede_update
AFTER UPDATE OF agreed, cycle_id, employee_id ON conversations
BEGIN
    INSERT INTO supersede (employee_id) VALUES (OLD.employee_id);
    INSERT INTO supersede (employee_id)
    SELECT NEW.employee_id WHERE NEW.employee_id IS NOT OLD.employee_id;
END;

CREATE TRIGGER conversations_supersede_delete AFTER DELETE ON conversations WHEN OLD.agreed
BEGIN
    INSERT INTO supersede (employee_id) VALUES (OLD.employee_id);
END;

-- Moving a cycle's start past (or onto) another cycle's changes which of the two is the later,
-- for everyone in it; moving it within the year changes nothing.
CREATE TRIGGER cycles_supersede AFTER UPDATE OF conversations_from ON cycles
WHEN OLD.conversations_from IS NOT NEW.conversations_from AND EXISTS (
    SELECT 1 FROM cycles other
    WHERE other.org_id = NEW.org_id AND other.id IS NOT NEW.id
      AND other.conversations_from
          BETWEEN min(OLD.conversations_from, NEW.conversations_from)
          AND max(OLD.conversations_from, NEW.conversations_from))
BEGIN
    INSERT INTO supersede (employee_id)
    SELECT employee_id FROM conversations WHERE cycle_id = NEW.id;
END;

-- The organisation's current agreements, for the follow-up lists and the home pages (by leader
-- for those sent on), and the held conversations still waiting for signatures, longest waiting
-- first. Not led by the organisation there: a party's own would then be looked for among all.
CREATE INDEX conversations_current ON conversations (org_id, leader_id)
WHERE agreed AND NOT superseded;
CREATE INDEX conversations_unsigned ON conversations (held_at)
WHERE NOT agreed AND NOT superseded;
