-- When anything last happened on an agreement, kept on the agreement so that the drawer detector
-- need not read every report and follow-up (nor the document) of every agreement it judges.
-- Kept in step with migrations/sqlite/0026_agreement_activity.sql. The agreement's own events
-- (signatures, amendments and their answers) are written with the agreement; triggers raise it
-- for reports and follow-ups, so that no write path can forget them. A follow-up counts when
-- held, or once anything was recorded on it (revision above 0).
ALTER TABLE agreements ADD COLUMN last_activity_at TIMESTAMPTZ;

UPDATE agreements SET last_activity_at = (
    SELECT max(at) FROM (
        SELECT agreements.employee_signed_at AS at
        UNION ALL SELECT agreements.leader_signed_at
        UNION ALL SELECT (a ->> 'at')::timestamptz
            FROM jsonb_array_elements(agreements.document::jsonb -> 'amendments') AS a
        UNION ALL SELECT (a -> 'answer' ->> 1)::timestamptz
            FROM jsonb_array_elements(agreements.document::jsonb -> 'amendments') AS a
        UNION ALL SELECT p.at FROM progress_updates AS p
            WHERE p.conversation_id = agreements.conversation_id
        UNION ALL SELECT coalesce(f.held_at, CASE WHEN f.revision > 0 THEN f.updated_at END)
            FROM follow_ups AS f WHERE f.conversation_id = agreements.conversation_id
    ) AS events
);

CREATE FUNCTION raise_agreement_activity(conversation UUID, at TIMESTAMPTZ) RETURNS void AS $$
    UPDATE agreements SET last_activity_at = at
    WHERE conversation_id = conversation AND (last_activity_at IS NULL OR last_activity_at < at);
$$ LANGUAGE sql;

CREATE FUNCTION agreement_activity_report() RETURNS trigger AS $$
BEGIN
    PERFORM raise_agreement_activity(NEW.conversation_id, NEW.at);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER agreement_activity_report AFTER INSERT ON progress_updates
FOR EACH ROW EXECUTE FUNCTION agreement_activity_report();

CREATE FUNCTION agreement_activity_follow_up() RETURNS trigger AS $$
BEGIN
    IF NEW.held_at IS NOT NULL OR NEW.revision > 0 THEN
        PERFORM raise_agreement_activity(NEW.conversation_id, coalesce(NEW.held_at, NEW.updated_at));
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER agreement_activity_follow_up AFTER INSERT OR UPDATE ON follow_ups
FOR EACH ROW EXECUTE FUNCTION agreement_activity_follow_up();
