-- Yearly cycles; kept in step with migrations/sqlite/0003_cycles.sql.
CREATE TABLE cycles (
    id UUID PRIMARY KEY NOT NULL,
    org_id UUID NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    intention TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('draft', 'open', 'closed')),
    preparation_opens DATE NOT NULL,
    conversations_from DATE NOT NULL,
    conversations_to DATE NOT NULL,
    evaluation DATE NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX cycles_org ON cycles (org_id);
-- At most one open cycle per organisation, whatever the application does.
CREATE UNIQUE INDEX cycles_one_open ON cycles (org_id) WHERE state = 'open';

CREATE TABLE cycle_follow_ups (
    cycle_id UUID NOT NULL REFERENCES cycles (id),
    due DATE NOT NULL,
    PRIMARY KEY (cycle_id, due)
);

CREATE TABLE cycle_focus_goals (
    cycle_id UUID NOT NULL REFERENCES cycles (id),
    goal_id UUID NOT NULL REFERENCES strategic_goals (id),
    PRIMARY KEY (cycle_id, goal_id)
);
CREATE INDEX cycle_focus_goals_goal ON cycle_focus_goals (goal_id);

CREATE TABLE cycle_framings (
    cycle_id UUID NOT NULL REFERENCES cycles (id),
    unit_id UUID NOT NULL REFERENCES units (id),
    text TEXT NOT NULL,
    author_id UUID NOT NULL REFERENCES people (id),
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (cycle_id, unit_id)
);
