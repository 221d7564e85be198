-- What is still to be done on an agreement (domain::drawer::Outstanding), kept on the agreement
-- with its items, so that the agreements going stale on any day are found from the agreement
-- rows alone, without counting items per agreement. Kept in step with
-- migrations/postgres/0027_agreement_outstanding.sql.
ALTER TABLE agreements ADD COLUMN open_items INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agreements ADD COLUMN first_action_due TEXT;
ALTER TABLE agreements ADD COLUMN first_commitment_due TEXT;

UPDATE agreements SET
    open_items = (
        SELECT count(*) FROM agreement_items AS i
        WHERE i.conversation_id = agreements.conversation_id
          AND i.progress IN ('planned', 'started')
    ),
    first_action_due = (
        SELECT min(i.due) FROM agreement_items AS i
        WHERE i.conversation_id = agreements.conversation_id
          AND i.progress IN ('planned', 'started') AND i.kind = 'action'
    ),
    first_commitment_due = (
        SELECT min(i.due) FROM agreement_items AS i
        WHERE i.conversation_id = agreements.conversation_id
          AND i.progress IN ('planned', 'started') AND i.kind = 'commitment'
    );
