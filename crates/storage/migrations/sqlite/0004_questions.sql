-- Question sets and their immutable versions; kept in step with migrations/postgres/0004_questions.sql.
CREATE TABLE question_sets (
    id BLOB PRIMARY KEY NOT NULL,
    org_id BLOB NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX question_sets_org ON question_sets (org_id);

CREATE TABLE question_set_versions (
    id BLOB PRIMARY KEY NOT NULL,
    set_id BLOB NOT NULL REFERENCES question_sets (id),
    number INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (set_id, number)
);

CREATE TABLE questions (
    version_id BLOB NOT NULL REFERENCES question_set_versions (id),
    position INTEGER NOT NULL,
    section TEXT NOT NULL CHECK (section IN ('m', 'o', 'u', 's', 'e')),
    kind TEXT NOT NULL CHECK (kind IN ('text', 'scale', 'goals')),
    text_da TEXT NOT NULL,
    text_en TEXT NOT NULL,
    low_da TEXT NOT NULL,
    low_en TEXT NOT NULL,
    high_da TEXT NOT NULL,
    high_en TEXT NOT NULL,
    PRIMARY KEY (version_id, position)
);

ALTER TABLE cycles ADD COLUMN question_set_id BLOB REFERENCES question_sets (id);
