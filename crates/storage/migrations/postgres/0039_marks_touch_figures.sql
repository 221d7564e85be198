-- A cycle's stage counts per unit are kept in memory under the figures' counter too (see
-- stages_kept.rs), and a preparation begun moves its conversation to "preparing": setting the
-- marks touches the figures again, so that the unit it moved is counted again. Superseding
-- still counts for nothing kept.
-- Kept in step with migrations/sqlite/0039_marks_touch_figures.sql.
DROP TRIGGER conversations_figures_revision_update ON conversations;
CREATE TRIGGER conversations_figures_revision_update
AFTER UPDATE ON conversations
FOR EACH ROW WHEN (OLD.superseded IS NOT DISTINCT FROM NEW.superseded)
EXECUTE FUNCTION conversations_figures_revision();
