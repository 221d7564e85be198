-- What the leadership did with each item of strategic feedback shared with it: taken up, an
-- answer the employee sees, the unit it was sent on to. Kept in step with
-- migrations/sqlite/0022_feedback_responses.sql. The handle is random, so that the pages
-- can name an anonymous item without anything that leads back to its conversation.
CREATE TABLE feedback_responses (
    handle UUID PRIMARY KEY,
    conversation_id UUID NOT NULL REFERENCES conversations (id),
    goal_id UUID NOT NULL REFERENCES strategic_goals (id),
    org_id UUID NOT NULL REFERENCES organisations (id),
    taken_up BOOLEAN NOT NULL,
    answer TEXT NOT NULL,
    routed_unit_id UUID REFERENCES units (id),
    answered_by UUID REFERENCES people (id),
    answered_at TIMESTAMPTZ,
    UNIQUE (conversation_id, goal_id)
);
CREATE INDEX feedback_responses_routed ON feedback_responses (org_id, routed_unit_id);
-- Feedback shared before this table existed gets its handle now.
INSERT INTO feedback_responses (handle, conversation_id, goal_id, org_id, taken_up, answer)
SELECT gen_random_uuid(), conversation_id, goal_id, org_id, FALSE, ''
FROM strategic_feedback WHERE visibility <> 'conversation';
