-- Active people per unit (the organisation's headcounts on HR's and the leadership's home
-- pages) counted from an index alone: 50,000 people were looked up one by one in the table and
-- sorted by unit (0.2 s). Kept in step with migrations/sqlite/0034_people_per_unit.sql.
CREATE INDEX people_org_active_unit ON people (org_id, active, unit_id);

-- The same index as people_org_name (0025), kept twice since then.
DROP INDEX people_org;
