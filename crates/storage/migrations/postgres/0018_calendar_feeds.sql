-- Each person's secret calendar feed address, stored as a hash; kept in step with
-- migrations/sqlite/0018_calendar_feeds.sql.
CREATE TABLE calendar_feeds (
    person_id UUID PRIMARY KEY NOT NULL REFERENCES people (id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);
