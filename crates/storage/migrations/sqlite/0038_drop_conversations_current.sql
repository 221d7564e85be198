-- The organisation's current agreements are read from their own table since 0036; the partial
-- index that found them among the conversations (0035) is read by nothing any more, and only
-- cost every conversation's write. Kept in step with
-- migrations/postgres/0038_drop_conversations_current.sql.
DROP INDEX conversations_current;
