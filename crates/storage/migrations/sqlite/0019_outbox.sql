-- Mail waiting to go out, and what became of it; kept in step with migrations/postgres/0019_outbox.sql.
-- The event key is unique, so the same reminder is never queued twice; a sender leases rows
-- (locked_by, locked_until) so that of several MOUSE instances exactly one sends each mail.
CREATE TABLE outbox (
    id BLOB PRIMARY KEY NOT NULL,
    org_id BLOB NOT NULL REFERENCES organisations (id),
    person_id BLOB NOT NULL REFERENCES people (id),
    event_key TEXT NOT NULL UNIQUE,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    calendar TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    locked_by TEXT,
    locked_until TEXT,
    last_error TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

-- The reminders a person has turned off; every kind is on unless listed here.
CREATE TABLE reminder_opt_outs (
    person_id BLOB NOT NULL REFERENCES people (id),
    kind TEXT NOT NULL,
    PRIMARY KEY (person_id, kind)
);
