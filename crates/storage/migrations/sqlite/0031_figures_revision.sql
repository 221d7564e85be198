-- What a cycle's effect figures for the whole organisation are counted from changes only with its
-- conversations, their agreements (whose items, progress reports and development goals are
-- written with them) and follow-ups (whose reviews are written with them), and the
-- organisation's people coming, going or leaving. A server keeps the counts in memory under this
-- counter per cycle, which these triggers move, so a change made by any instance is seen at the
-- next read. Kept in step with migrations/postgres/0031_figures_revision.sql.
CREATE TABLE figures_revisions (
    cycle_id BLOB PRIMARY KEY NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    revision BIGINT NOT NULL
);

CREATE TRIGGER conversations_figures_revision_insert AFTER INSERT ON conversations
BEGIN
    INSERT INTO figures_revisions (cycle_id, revision) VALUES (NEW.cycle_id, 1)
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER conversations_figures_revision_update AFTER UPDATE ON conversations
BEGIN
    INSERT INTO figures_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE id IN (OLD.cycle_id, NEW.cycle_id)
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER conversations_figures_revision_delete AFTER DELETE ON conversations
BEGIN
    INSERT INTO figures_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE id = OLD.cycle_id
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER agreements_figures_revision_insert AFTER INSERT ON agreements
BEGIN
    INSERT INTO figures_revisions (cycle_id, revision)
    SELECT cycle_id, 1 FROM conversations WHERE id = NEW.conversation_id
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER agreements_figures_revision_update AFTER UPDATE ON agreements
BEGIN
    INSERT INTO figures_revisions (cycle_id, revision)
    SELECT cycle_id, 1 FROM conversations WHERE id = NEW.conversation_id
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER follow_ups_figures_revision_insert AFTER INSERT ON follow_ups
BEGIN
    INSERT INTO figures_revisions (cycle_id, revision)
    SELECT cycle_id, 1 FROM conversations WHERE id = NEW.conversation_id
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER follow_ups_figures_revision_update AFTER UPDATE ON follow_ups
BEGIN
    INSERT INTO figures_revisions (cycle_id, revision)
    SELECT cycle_id, 1 FROM conversations WHERE id = NEW.conversation_id
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER people_figures_revision_insert AFTER INSERT ON people
BEGIN
    INSERT INTO figures_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE org_id = NEW.org_id
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER people_figures_revision_update AFTER UPDATE OF active, org_id ON people
WHEN OLD.active IS NOT NEW.active OR OLD.org_id IS NOT NEW.org_id
BEGIN
    INSERT INTO figures_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE org_id IN (OLD.org_id, NEW.org_id)
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER people_figures_revision_delete AFTER DELETE ON people
BEGIN
    INSERT INTO figures_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE org_id = OLD.org_id
    ON CONFLICT (cycle_id) DO UPDATE SET revision = revision + 1;
END;
