-- The organisation's current agreements (signed, not superseded: 0035) with everything the
-- drawer detector judges them by, the employee's unit included, one narrow row each. Counting
-- them per unit or ordering them by urgency looked up each one's conversation, agreement and
-- employee: some 300 ms of index look-ups at 50,000 people even with every page cached, where
-- this table is read in about 15 ms. Kept by triggers from the rows it copies, so any writer
-- keeps it. Kept in step with migrations/postgres/0036_current_agreements.sql.
CREATE TABLE current_agreements (
    org_id BLOB NOT NULL,
    unit_id BLOB NOT NULL,
    conversation_id BLOB NOT NULL,
    employee_id BLOB NOT NULL,
    leader_id BLOB NOT NULL,
    cycle_id BLOB NOT NULL,
    last_activity TEXT NOT NULL,
    open_items INTEGER NOT NULL,
    first_action_due TEXT,
    first_commitment_due TEXT,
    -- An organisation's rows lie together, unit by unit: counted per unit without sorting.
    PRIMARY KEY (org_id, unit_id, conversation_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX current_agreements_conversation ON current_agreements (conversation_id);
CREATE INDEX current_agreements_employee ON current_agreements (employee_id);
CREATE INDEX current_agreements_leader ON current_agreements (org_id, leader_id);
-- HR is told of the organisation's overdue promises.
CREATE INDEX current_agreements_promise ON current_agreements (org_id, first_commitment_due);

-- Inserting a conversation here is SQLite's way to call one procedure from the triggers below:
-- it copies the conversation's row again, or removes it when its agreement is not current.
CREATE VIEW keep_current (conversation_id) AS SELECT id FROM conversations;

CREATE TRIGGER keep_current_agreement INSTEAD OF INSERT ON keep_current
BEGIN
    DELETE FROM current_agreements WHERE conversation_id = NEW.conversation_id;
    INSERT INTO current_agreements
    SELECT c.org_id, p.unit_id, c.id, c.employee_id, c.leader_id, c.cycle_id,
        -- Agreements written before anything happened on them are dated by the writing.
        coalesce(a.last_activity_at, a.updated_at),
        a.open_items, a.first_action_due, a.first_commitment_due
    FROM conversations c
    JOIN agreements a ON a.conversation_id = c.id
    JOIN people p ON p.id = c.employee_id
    WHERE c.id = NEW.conversation_id AND c.agreed AND NOT c.superseded;
END;

-- Every current agreement copied once, through the procedure above.
INSERT INTO keep_current (conversation_id)
SELECT id FROM conversations WHERE agreed AND NOT superseded;

-- Signing, withdrawing and superseding change the marks; an agreement's insert and delete
-- change `agreed` (0033).
CREATE TRIGGER conversations_current_insert AFTER INSERT ON conversations
WHEN NEW.agreed AND NOT NEW.superseded
BEGIN
    INSERT INTO keep_current (conversation_id) VALUES (NEW.id);
END;

CREATE TRIGGER conversations_current_update
AFTER UPDATE OF org_id, employee_id, leader_id, cycle_id, agreed, superseded ON conversations
BEGIN
    INSERT INTO keep_current (conversation_id) VALUES (NEW.id);
END;

CREATE TRIGGER conversations_current_delete AFTER DELETE ON conversations
BEGIN
    DELETE FROM current_agreements WHERE conversation_id = OLD.id;
END;

CREATE TRIGGER agreements_current_update AFTER UPDATE ON agreements
BEGIN
    INSERT INTO keep_current (conversation_id) VALUES (NEW.conversation_id);
END;

CREATE TRIGGER people_current_unit AFTER UPDATE OF unit_id ON people
WHEN OLD.unit_id IS NOT NEW.unit_id
BEGIN
    UPDATE current_agreements SET unit_id = NEW.unit_id WHERE employee_id = NEW.id;
END;
