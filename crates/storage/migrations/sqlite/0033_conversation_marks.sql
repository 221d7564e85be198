-- Whether a conversation's preparation has started and its agreement is signed by both, kept on
-- the conversation by triggers, so that its stage is a matter of its own columns: listing and
-- counting an organisation's conversations by stage no longer looks up two other tables for
-- every one of them. Any writer keeps them, the app's saves never set them.
-- Kept in step with migrations/postgres/0033_conversation_marks.sql.
ALTER TABLE conversations ADD COLUMN prepared BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE conversations ADD COLUMN agreed BOOLEAN NOT NULL DEFAULT FALSE;

-- The marks count for none of the effect figures: setting them does not touch the figures.
DROP TRIGGER conversations_figures_update;
CREATE TRIGGER conversations_figures_update AFTER UPDATE ON conversations
WHEN OLD.prepared IS NEW.prepared AND OLD.agreed IS NEW.agreed
BEGIN
    INSERT INTO figures_touch (cycle_id, unit_id)
    SELECT OLD.cycle_id, unit_id FROM people WHERE id = OLD.employee_id
    UNION
    SELECT NEW.cycle_id, unit_id FROM people WHERE id = NEW.employee_id;
END;

UPDATE conversations SET
    prepared = EXISTS (SELECT 1 FROM preparations p WHERE p.conversation_id = conversations.id),
    agreed = EXISTS (
        SELECT 1 FROM agreements a
        WHERE a.conversation_id = conversations.id
          AND a.employee_signed_at IS NOT NULL AND a.leader_signed_at IS NOT NULL
    );

CREATE TRIGGER preparations_mark_insert AFTER INSERT ON preparations
BEGIN
    UPDATE conversations SET prepared = TRUE WHERE id = NEW.conversation_id AND NOT prepared;
END;

-- Retention deletes drafts that were never shared.
CREATE TRIGGER preparations_mark_delete AFTER DELETE ON preparations
BEGIN
    UPDATE conversations
    SET prepared = EXISTS (SELECT 1 FROM preparations WHERE conversation_id = OLD.conversation_id)
    WHERE id = OLD.conversation_id;
END;

CREATE TRIGGER agreements_mark_insert AFTER INSERT ON agreements
BEGIN
    UPDATE conversations
    SET agreed = NEW.employee_signed_at IS NOT NULL AND NEW.leader_signed_at IS NOT NULL
    WHERE id = NEW.conversation_id;
END;

CREATE TRIGGER agreements_mark_update AFTER UPDATE OF employee_signed_at, leader_signed_at ON agreements
BEGIN
    UPDATE conversations
    SET agreed = NEW.employee_signed_at IS NOT NULL AND NEW.leader_signed_at IS NOT NULL
    WHERE id = NEW.conversation_id
      AND agreed IS NOT (NEW.employee_signed_at IS NOT NULL AND NEW.leader_signed_at IS NOT NULL);
END;

CREATE TRIGGER agreements_mark_delete AFTER DELETE ON agreements
BEGIN
    UPDATE conversations SET agreed = FALSE WHERE id = OLD.conversation_id AND agreed;
END;
