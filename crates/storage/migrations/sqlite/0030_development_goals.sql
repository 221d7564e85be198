-- The development goals of each agreement, what they link to and build, and how each held
-- follow-up reviewed them, as rows beside the documents (which stay the source of truth), so
-- that the effect figures of an organisation (goals achieved, the red thread) are counted by the
-- database instead of read from every document. Rewritten with every save of the agreement or
-- the follow-up. Kept in step with migrations/postgres/0030_development_goals.sql.
CREATE TABLE development_goals (
    item_id BLOB PRIMARY KEY NOT NULL,
    conversation_id BLOB NOT NULL REFERENCES agreements (conversation_id)
);
CREATE INDEX development_goals_conversation ON development_goals (conversation_id);

-- No reference to the strategic goal: a goal taken out of the strategy leaves the link serving
-- nothing, as the document does.
CREATE TABLE development_goal_links (
    item_id BLOB NOT NULL REFERENCES development_goals (item_id) ON DELETE CASCADE,
    goal_id BLOB NOT NULL,
    PRIMARY KEY (item_id, goal_id)
);

CREATE TABLE development_goal_competences (
    item_id BLOB NOT NULL REFERENCES development_goals (item_id) ON DELETE CASCADE,
    competence_id BLOB NOT NULL,
    PRIMARY KEY (item_id, competence_id)
);

-- Only held follow-ups' reviews: a development goal is achieved when its latest says done.
CREATE TABLE goal_reviews (
    follow_up_id BLOB NOT NULL REFERENCES follow_ups (id),
    item_id BLOB NOT NULL,
    held_at TEXT NOT NULL,
    done BOOLEAN NOT NULL,
    PRIMARY KEY (follow_up_id, item_id)
);
CREATE INDEX goal_reviews_item ON goal_reviews (item_id, held_at);

-- Ids in the documents are hyphenated text; the columns hold the 16 bytes.
INSERT INTO development_goals (item_id, conversation_id)
SELECT unhex(replace(json_extract(g.value, '$.id'), '-', '')), agreements.conversation_id
FROM agreements, json_each(agreements.document, '$.terms.goals') AS g;

INSERT INTO development_goal_links (item_id, goal_id)
SELECT DISTINCT unhex(replace(json_extract(g.value, '$.id'), '-', '')),
    unhex(replace(l.value, '-', ''))
FROM agreements, json_each(agreements.document, '$.terms.goals') AS g,
    json_each(g.value, '$.strategic_goals') AS l;

INSERT INTO development_goal_competences (item_id, competence_id)
SELECT DISTINCT unhex(replace(json_extract(g.value, '$.id'), '-', '')),
    unhex(replace(c.value, '-', ''))
FROM agreements, json_each(agreements.document, '$.terms.goals') AS g,
    json_each(g.value, '$.competences') AS c;

INSERT INTO goal_reviews (follow_up_id, item_id, held_at, done)
SELECT DISTINCT follow_ups.id, unhex(replace(json_extract(r.value, '$.goal'), '-', '')),
    follow_ups.held_at, json_extract(r.value, '$.status') = 'Done'
FROM follow_ups, json_each(follow_ups.reviews) AS r
WHERE follow_ups.held_at IS NOT NULL;

-- The day a report was made on, in Copenhagen, so that "done on time" (on or before the day it
-- was due) is decided by the database. SQLite knows no time zones: the EU's summer time runs
-- from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
ALTER TABLE progress_updates ADD COLUMN day TEXT;
UPDATE progress_updates SET day = date(at, CASE
    WHEN at >= date(strftime('%Y', at) || '-03-25', 'weekday 0') || 'T01:00:00'
     AND at < date(strftime('%Y', at) || '-10-25', 'weekday 0') || 'T01:00:00'
    THEN '+2 hours' ELSE '+1 hour' END);
