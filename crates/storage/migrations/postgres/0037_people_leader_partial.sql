-- Most organisations name no explicit leader: people answer to their unit's leader, and
-- leader_id is empty for everyone. Indexed whole, SQLite's statistics then say that a leader has
-- all 50,000 people of such an organisation as reports, and it read every person to find one
-- leader's few (an employee's home page 2 → 9 ms). Only the people who have one are indexed.
-- Kept in step with migrations/sqlite/0037_people_leader_partial.sql.
DROP INDEX people_leader;
CREATE INDEX people_leader ON people (leader_id) WHERE leader_id IS NOT NULL;
