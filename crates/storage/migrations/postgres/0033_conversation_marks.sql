-- Whether a conversation's preparation has started and its agreement is signed by both, kept on
-- the conversation by triggers, so that its stage is a matter of its own columns: listing and
-- counting an organisation's conversations by stage no longer looks up two other tables for
-- every one of them. Any writer keeps them, the app's saves never set them.
-- Kept in step with migrations/sqlite/0033_conversation_marks.sql.
ALTER TABLE conversations
    ADD COLUMN prepared BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN agreed BOOLEAN NOT NULL DEFAULT FALSE;

-- The marks count for none of the effect figures: setting them does not touch the figures.
DROP TRIGGER conversations_figures_revision ON conversations;
CREATE TRIGGER conversations_figures_revision
AFTER INSERT OR DELETE ON conversations
FOR EACH ROW EXECUTE FUNCTION conversations_figures_revision();
CREATE TRIGGER conversations_figures_revision_update
AFTER UPDATE ON conversations
FOR EACH ROW WHEN ((OLD.prepared, OLD.agreed) IS NOT DISTINCT FROM (NEW.prepared, NEW.agreed))
EXECUTE FUNCTION conversations_figures_revision();

UPDATE conversations SET
    prepared = EXISTS (SELECT 1 FROM preparations p WHERE p.conversation_id = conversations.id),
    agreed = EXISTS (
        SELECT 1 FROM agreements a
        WHERE a.conversation_id = conversations.id
          AND a.employee_signed_at IS NOT NULL AND a.leader_signed_at IS NOT NULL
    );

-- Retention deletes drafts that were never shared.
CREATE FUNCTION preparations_mark() RETURNS trigger AS $$
DECLARE
    conversation UUID;
BEGIN
    IF TG_OP = 'DELETE' THEN
        conversation := OLD.conversation_id;
    ELSE
        conversation := NEW.conversation_id;
    END IF;
    UPDATE conversations
    SET prepared = EXISTS (SELECT 1 FROM preparations WHERE conversation_id = conversation)
    WHERE id = conversation
      AND prepared IS DISTINCT FROM EXISTS (
          SELECT 1 FROM preparations WHERE conversation_id = conversation);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER preparations_mark
AFTER INSERT OR DELETE ON preparations
FOR EACH ROW EXECUTE FUNCTION preparations_mark();

CREATE FUNCTION agreements_mark() RETURNS trigger AS $$
DECLARE
    conversation UUID;
    signed BOOLEAN := FALSE;
BEGIN
    IF TG_OP = 'DELETE' THEN
        conversation := OLD.conversation_id;
    ELSE
        conversation := NEW.conversation_id;
        signed := NEW.employee_signed_at IS NOT NULL AND NEW.leader_signed_at IS NOT NULL;
    END IF;
    UPDATE conversations SET agreed = signed
    WHERE id = conversation AND agreed IS DISTINCT FROM signed;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER agreements_mark
AFTER INSERT OR DELETE OR UPDATE OF employee_signed_at, leader_signed_at ON agreements
FOR EACH ROW EXECUTE FUNCTION agreements_mark();
