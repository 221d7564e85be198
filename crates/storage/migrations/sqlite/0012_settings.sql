-- Each organisation's confidentiality settings; kept in step with migrations/postgres/0012_settings.sql.
ALTER TABLE organisations ADD COLUMN anonymity_threshold INTEGER NOT NULL DEFAULT 5;
ALTER TABLE organisations ADD COLUMN draft_retention_days INTEGER NOT NULL DEFAULT 30;
