-- A conversation's agreement leaves the drawer when its employee signs one in a later cycle: that
-- conversation opened with it ("last year's agreement") and renegotiated the contract, so what
-- was left open on it, or never signed, was taken up there. The drawer detector, its lists and
-- its reminders judge only conversations not superseded; the effect figures still count every
-- cycle's. Kept on the conversation by triggers, like its marks (0033), so that an organisation's
-- current agreements are found from one index instead of judging five years of them.
-- Kept in step with migrations/sqlite/0035_superseded_agreements.sql.
ALTER TABLE conversations ADD COLUMN superseded BOOLEAN NOT NULL DEFAULT FALSE;

-- Superseding counts for none of the effect figures.
DROP TRIGGER conversations_figures_revision_update ON conversations;
CREATE TRIGGER conversations_figures_revision_update
AFTER UPDATE ON conversations
FOR EACH ROW WHEN ((OLD.prepared, OLD.agreed, OLD.superseded)
    IS NOT DISTINCT FROM (NEW.prepared, NEW.agreed, NEW.superseded))
EXECUTE FUNCTION conversations_figures_revision();

-- Judges again which of the employee's conversations a later cycle's signed agreement
-- supersedes, writing only the rows that change.
CREATE FUNCTION supersede(employee UUID) RETURNS void AS $$
    UPDATE conversations SET superseded = NOT superseded
    WHERE employee_id = employee
      AND superseded IS DISTINCT FROM EXISTS (
          SELECT 1 FROM conversations later
          JOIN cycles later_cycle ON later_cycle.id = later.cycle_id
          WHERE later.employee_id = conversations.employee_id
            AND later.agreed
            AND later_cycle.conversations_from
                > (SELECT conversations_from FROM cycles WHERE id = conversations.cycle_id));
$$ LANGUAGE sql;

-- Every employee judged once, through the function above.
SELECT supersede(employee_id) FROM (SELECT DISTINCT employee_id FROM conversations) employees;

CREATE FUNCTION conversations_supersede() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM supersede(NEW.employee_id);
    ELSE
        PERFORM supersede(OLD.employee_id);
        IF TG_OP = 'UPDATE' THEN
            IF NEW.employee_id IS DISTINCT FROM OLD.employee_id THEN
                PERFORM supersede(NEW.employee_id);
            END IF;
        END IF;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER conversations_supersede
AFTER INSERT OR UPDATE OF agreed, cycle_id, employee_id ON conversations
FOR EACH ROW EXECUTE FUNCTION conversations_supersede();

CREATE TRIGGER conversations_supersede_delete
AFTER DELETE ON conversations
FOR EACH ROW WHEN (OLD.agreed) EXECUTE FUNCTION conversations_supersede();

-- Moving a cycle's start past (or onto) another cycle's changes which of the two is the later,
-- for everyone in it; moving it within the year changes nothing.
CREATE FUNCTION cycles_supersede() RETURNS trigger AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM cycles other
        WHERE other.org_id = NEW.org_id AND other.id <> NEW.id
          AND other.conversations_from
              BETWEEN LEAST(OLD.conversations_from, NEW.conversations_from)
              AND GREATEST(OLD.conversations_from, NEW.conversations_from)) THEN
        PERFORM supersede(employee_id) FROM conversations WHERE cycle_id = NEW.id;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER cycles_supersede
AFTER UPDATE OF conversations_from ON cycles
FOR EACH ROW WHEN (OLD.conversations_from IS DISTINCT FROM NEW.conversations_from)
EXECUTE FUNCTION cycles_supersede();

-- The organisation's current agreements, for the follow-up lists and the home pages (by leader
-- for those sent on), and the held conversations still waiting for signatures, longest waiting
-- first. Not led by the organisation there: a party's own would then be looked for among all.
CREATE INDEX conversations_current ON conversations (org_id, leader_id)
WHERE agreed AND NOT superseded;
CREATE INDEX conversations_unsigned ON conversations (held_at)
WHERE NOT agreed AND NOT superseded;
