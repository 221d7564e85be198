-- A cycle's stage counts per unit are kept in memory under the figures' counter too (see
-- stages_kept.rs), and a preparation begun moves its conversation to "preparing": setting the
-- marks touches the figures again, so that the unit it moved is counted again. Superseding
-- still counts for nothing kept.
-- Kept in step with migrations/postgres/0039_marks_touch_figures.sql.
DROP TRIGGER conversations_figures_update;
CREATE TRIGGER conversations_figures_update AFTER UPDATE ON conversations
WHEN OLD.superseded IS NEW.superseded
BEGIN
    INSERT INTO figures_touch (cycle_id, unit_id)
    SELECT OLD.cycle_id, unit_id FROM people WHERE id = OLD.employee_id
    UNION
    SELECT NEW.cycle_id, unit_id FROM people WHERE id = NEW.employee_id;
END;
