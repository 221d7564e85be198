-- The development goals of each agreement, what they link to and build, and how each held
-- follow-up reviewed them, as rows beside the documents (which stay the source of truth), so
-- that the effect figures of an organisation (goals achieved, the red thread) are counted by the
-- database instead of read from every document. Rewritten with every save of the agreement or
-- the follow-up. Kept in step with migrations/sqlite/0030_development_goals.sql.
CREATE TABLE development_goals (
    item_id UUID PRIMARY KEY NOT NULL,
    conversation_id UUID NOT NULL REFERENCES agreements (conversation_id)
);
CREATE INDEX development_goals_conversation ON development_goals (conversation_id);

-- No reference to the strategic goal: a goal taken out of the strategy leaves the link serving
-- nothing, as the document does.
CREATE TABLE development_goal_links (
    item_id UUID NOT NULL REFERENCES development_goals (item_id) ON DELETE CASCADE,
    goal_id UUID NOT NULL,
    PRIMARY KEY (item_id, goal_id)
);

CREATE TABLE development_goal_competences (
    item_id UUID NOT NULL REFERENCES development_goals (item_id) ON DELETE CASCADE,
    competence_id UUID NOT NULL,
    PRIMARY KEY (item_id, competence_id)
);

-- Only held follow-ups' reviews: a development goal is achieved when its latest says done.
CREATE TABLE goal_reviews (
    follow_up_id UUID NOT NULL REFERENCES follow_ups (id),
    item_id UUID NOT NULL,
    held_at TIMESTAMPTZ NOT NULL,
    done BOOLEAN NOT NULL,
    PRIMARY KEY (follow_up_id, item_id)
);
CREATE INDEX goal_reviews_item ON goal_reviews (item_id, held_at);

INSERT INTO development_goals (item_id, conversation_id)
SELECT (g ->> 'id')::uuid, agreements.conversation_id
FROM agreements, jsonb_array_elements(agreements.document::jsonb -> 'terms' -> 'goals') AS g;

INSERT INTO development_goal_links (item_id, goal_id)
SELECT DISTINCT (g ->> 'id')::uuid, l::uuid
FROM agreements, jsonb_array_elements(agreements.document::jsonb -> 'terms' -> 'goals') AS g,
    jsonb_array_elements_text(g -> 'strategic_goals') AS l;

INSERT INTO development_goal_competences (item_id, competence_id)
SELECT DISTINCT (g ->> 'id')::uuid, c::uuid
FROM agreements, jsonb_array_elements(agreements.document::jsonb -> 'terms' -> 'goals') AS g,
    jsonb_array_elements_text(g -> 'competences') AS c;

INSERT INTO goal_reviews (follow_up_id, item_id, held_at, done)
SELECT DISTINCT ON (follow_ups.id, (r ->> 'goal')::uuid) follow_ups.id, (r ->> 'goal')::uuid,
    follow_ups.held_at, r ->> 'status' = 'Done'
FROM follow_ups, jsonb_array_elements(follow_ups.reviews::jsonb) AS r
WHERE follow_ups.held_at IS NOT NULL;

-- The day a report was made on, in Copenhagen, so that "done on time" (on or before the day it
-- was due) is decided by the database.
ALTER TABLE progress_updates ADD COLUMN day DATE;
UPDATE progress_updates SET day = (at AT TIME ZONE 'Europe/Copenhagen')::date;
