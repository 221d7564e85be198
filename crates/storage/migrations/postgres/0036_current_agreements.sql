-- The organisation's current agreements (signed, not superseded: 0035) with everything the
-- drawer detector judges them by, the employee's unit included, one narrow row each. Counting
-- them per unit or ordering them by urgency looked up each one's conversation, agreement and
-- employee for every view. Kept by triggers from the rows it copies, so any writer keeps it.
-- Kept in step with migrations/sqlite/0036_current_agreements.sql.
CREATE TABLE current_agreements (
    org_id UUID NOT NULL,
    unit_id UUID NOT NULL,
    conversation_id UUID NOT NULL,
    employee_id UUID NOT NULL,
    leader_id UUID NOT NULL,
    cycle_id UUID NOT NULL,
    last_activity TIMESTAMPTZ NOT NULL,
    open_items INTEGER NOT NULL,
    first_action_due DATE,
    first_commitment_due DATE,
    PRIMARY KEY (org_id, unit_id, conversation_id)
);
CREATE UNIQUE INDEX current_agreements_conversation ON current_agreements (conversation_id);
CREATE INDEX current_agreements_employee ON current_agreements (employee_id);
CREATE INDEX current_agreements_leader ON current_agreements (org_id, leader_id);
-- HR is told of the organisation's overdue promises.
CREATE INDEX current_agreements_promise ON current_agreements (org_id, first_commitment_due);

-- Copies the conversation's row again, or removes it when its agreement is not current.
CREATE FUNCTION keep_current(conversation UUID) RETURNS void AS $$
    DELETE FROM current_agreements WHERE conversation_id = conversation;
    INSERT INTO current_agreements
    SELECT c.org_id, p.unit_id, c.id, c.employee_id, c.leader_id, c.cycle_id,
        -- Agreements written before anything happened on them are dated by the writing.
        coalesce(a.last_activity_at, a.updated_at),
        a.open_items, a.first_action_due, a.first_commitment_due
    FROM conversations c
    JOIN agreements a ON a.conversation_id = c.id
    JOIN people p ON p.id = c.employee_id
    WHERE c.id = conversation AND c.agreed AND NOT c.superseded;
$$ LANGUAGE sql;

-- Every current agreement copied once, through the function above.
SELECT keep_current(id) FROM conversations WHERE agreed AND NOT superseded;

-- Signing, withdrawing and superseding change the marks; an agreement's insert and delete
-- change `agreed` (0033).
CREATE FUNCTION conversations_current() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM current_agreements WHERE conversation_id = OLD.id;
    ELSE
        PERFORM keep_current(NEW.id);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER conversations_current_insert
AFTER INSERT ON conversations
FOR EACH ROW WHEN (NEW.agreed AND NOT NEW.superseded)
EXECUTE FUNCTION conversations_current();

CREATE TRIGGER conversations_current_update
AFTER UPDATE OF org_id, employee_id, leader_id, cycle_id, agreed, superseded ON conversations
FOR EACH ROW EXECUTE FUNCTION conversations_current();

CREATE TRIGGER conversations_current_delete
AFTER DELETE ON conversations
FOR EACH ROW EXECUTE FUNCTION conversations_current();

CREATE FUNCTION agreements_current() RETURNS trigger AS $$
BEGIN
    PERFORM keep_current(NEW.conversation_id);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER agreements_current_update
AFTER UPDATE ON agreements
FOR EACH ROW EXECUTE FUNCTION agreements_current();

CREATE FUNCTION people_current_unit() RETURNS trigger AS $$
BEGIN
    UPDATE current_agreements SET unit_id = NEW.unit_id WHERE employee_id = NEW.id;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER people_current_unit
AFTER UPDATE OF unit_id ON people
FOR EACH ROW WHEN (OLD.unit_id IS DISTINCT FROM NEW.unit_id)
EXECUTE FUNCTION people_current_unit();
