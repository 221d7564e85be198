-- Each person's secret calendar feed address, stored as a hash; kept in step with
-- migrations/postgres/0018_calendar_feeds.sql.
CREATE TABLE calendar_feeds (
    person_id BLOB PRIMARY KEY NOT NULL REFERENCES people (id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
