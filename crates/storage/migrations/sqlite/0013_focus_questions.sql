-- The questions a cycle marks as this year's focus, as positions in one version of its set;
-- kept in step with migrations/postgres/0013_focus_questions.sql.
CREATE TABLE cycle_focus_questions (
    cycle_id BLOB NOT NULL REFERENCES cycles (id),
    version_id BLOB NOT NULL REFERENCES question_set_versions (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (cycle_id, position)
);
