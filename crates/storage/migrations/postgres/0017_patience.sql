-- How long an agreement may rest before the drawer detector flags it; kept in step with
-- migrations/sqlite/0017_patience.sql.
ALTER TABLE organisations ADD COLUMN stale_after_days INTEGER NOT NULL DEFAULT 60;
ALTER TABLE organisations ADD COLUMN escalate_after_days INTEGER NOT NULL DEFAULT 30;
