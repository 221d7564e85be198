-- The people list reads an organisation's people a page at a time in name order. Kept in step
-- with migrations/postgres/0025_people_by_name.sql.
CREATE INDEX people_org_name ON people (org_id, name);
