-- When anything last happened on an agreement, kept on the agreement so that the drawer detector
-- need not read every report and follow-up (nor the document) of every agreement it judges.
-- Kept in step with migrations/postgres/0026_agreement_activity.sql. The agreement's own events
-- (signatures, amendments and their answers) are written with the agreement; triggers raise it
-- for reports and follow-ups, so that no write path can forget them. A follow-up counts when
-- held, or once anything was recorded on it (revision above 0).
ALTER TABLE agreements ADD COLUMN last_activity_at TEXT;

-- Timestamps in the document are RFC 3339 with 'Z'; the columns' are with '+00:00'.
UPDATE agreements SET last_activity_at = (
    SELECT max(at) FROM (
        SELECT agreements.employee_signed_at AS at
        UNION ALL SELECT agreements.leader_signed_at
        UNION ALL SELECT replace(json_extract(a.value, '$.at'), 'Z', '+00:00')
            FROM json_each(agreements.document, '$.amendments') AS a
        UNION ALL SELECT replace(json_extract(a.value, '$.answer[1]'), 'Z', '+00:00')
            FROM json_each(agreements.document, '$.amendments') AS a
        UNION ALL SELECT p.at FROM progress_updates AS p
            WHERE p.conversation_id = agreements.conversation_id
        UNION ALL SELECT coalesce(f.held_at, CASE WHEN f.revision > 0 THEN f.updated_at END)
            FROM follow_ups AS f WHERE f.conversation_id = agreements.conversation_id
    )
);

CREATE TRIGGER agreement_activity_report AFTER INSERT ON progress_updates
BEGIN
    UPDATE agreements SET last_activity_at = NEW.at
    WHERE conversation_id = NEW.conversation_id
      AND (last_activity_at IS NULL OR last_activity_at < NEW.at);
END;

CREATE TRIGGER agreement_activity_follow_up_insert AFTER INSERT ON follow_ups
WHEN NEW.held_at IS NOT NULL OR NEW.revision > 0
BEGIN
    UPDATE agreements SET last_activity_at = coalesce(NEW.held_at, NEW.updated_at)
    WHERE conversation_id = NEW.conversation_id
      AND (last_activity_at IS NULL OR last_activity_at < coalesce(NEW.held_at, NEW.updated_at));
END;

CREATE TRIGGER agreement_activity_follow_up_update AFTER UPDATE ON follow_ups
WHEN NEW.held_at IS NOT NULL OR NEW.revision > 0
BEGIN
    UPDATE agreements SET last_activity_at = coalesce(NEW.held_at, NEW.updated_at)
    WHERE conversation_id = NEW.conversation_id
      AND (last_activity_at IS NULL OR last_activity_at < coalesce(NEW.held_at, NEW.updated_at));
END;
