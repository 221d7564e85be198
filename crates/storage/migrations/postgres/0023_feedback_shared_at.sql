-- When each item of strategic feedback was first shared with the leadership, so that anonymous
-- items can be shown in whole blocks in that order and a new one never stands out; kept in
-- step with migrations/sqlite/0023_feedback_shared_at.sql. Items shared before count as the
-- oldest.
ALTER TABLE feedback_responses ADD COLUMN shared_at TIMESTAMPTZ;
