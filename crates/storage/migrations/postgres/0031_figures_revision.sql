-- What a cycle's effect figures for the whole organisation are counted from changes only with its
-- conversations, their agreements (whose items, progress reports and development goals are
-- written with them) and follow-ups (whose reviews are written with them), and the
-- organisation's people coming, going or leaving. A server keeps the counts in memory under this
-- counter per cycle, which these triggers move, so a change made by any instance is seen at the
-- next read. Kept in step with migrations/sqlite/0031_figures_revision.sql.
CREATE TABLE figures_revisions (
    cycle_id UUID PRIMARY KEY NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    revision BIGINT NOT NULL
);

CREATE FUNCTION bump_figures_revision(cycle UUID) RETURNS void AS $$
    INSERT INTO figures_revisions (cycle_id, revision)
    SELECT id, 1 FROM cycles WHERE id = cycle
    ON CONFLICT (cycle_id) DO UPDATE SET revision = figures_revisions.revision + 1;
$$ LANGUAGE sql;

CREATE FUNCTION conversations_figures_revision() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        PERFORM bump_figures_revision(NEW.cycle_id);
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.cycle_id <> OLD.cycle_id) THEN
        PERFORM bump_figures_revision(OLD.cycle_id);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER conversations_figures_revision
AFTER INSERT OR UPDATE OR DELETE ON conversations
FOR EACH ROW EXECUTE FUNCTION conversations_figures_revision();

-- Agreements and follow-ups name their conversation.
CREATE FUNCTION conversation_figures_revision() RETURNS trigger AS $$
BEGIN
    PERFORM bump_figures_revision(cycle_id) FROM conversations WHERE id = NEW.conversation_id;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER agreements_figures_revision AFTER INSERT OR UPDATE ON agreements
FOR EACH ROW EXECUTE FUNCTION conversation_figures_revision();

CREATE TRIGGER follow_ups_figures_revision AFTER INSERT OR UPDATE ON follow_ups
FOR EACH ROW EXECUTE FUNCTION conversation_figures_revision();

-- Someone coming, leaving or going: every cycle of their organisation counts them otherwise.
CREATE FUNCTION people_figures_revision() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM bump_figures_revision(id) FROM cycles WHERE org_id = OLD.org_id;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.org_id <> OLD.org_id) THEN
        PERFORM bump_figures_revision(id) FROM cycles WHERE org_id = NEW.org_id;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER people_figures_revision_insert AFTER INSERT ON people
FOR EACH ROW EXECUTE FUNCTION people_figures_revision();

CREATE TRIGGER people_figures_revision_update AFTER UPDATE OF active, org_id ON people
FOR EACH ROW WHEN (OLD.active <> NEW.active OR OLD.org_id <> NEW.org_id)
EXECUTE FUNCTION people_figures_revision();

CREATE TRIGGER people_figures_revision_delete AFTER DELETE ON people
FOR EACH ROW EXECUTE FUNCTION people_figures_revision();
