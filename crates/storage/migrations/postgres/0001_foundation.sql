-- Foundation: organisations, units, people, users, sessions, audit. Kept in step with
-- migrations/sqlite/0001_foundation.sql by the schema parity test.
CREATE TABLE organisations (
    id UUID PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE units (
    id UUID PRIMARY KEY NOT NULL,
    org_id UUID NOT NULL REFERENCES organisations (id),
    parent_id UUID REFERENCES units (id),
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('organisation', 'department', 'team')),
    leader_id UUID,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (org_id, name_key)
);
CREATE INDEX units_parent ON units (parent_id);
CREATE INDEX units_leader ON units (leader_id);

CREATE TABLE people (
    id UUID PRIMARY KEY NOT NULL,
    org_id UUID NOT NULL REFERENCES organisations (id),
    unit_id UUID NOT NULL REFERENCES units (id),
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    job_title TEXT NOT NULL,
    leader_id UUID REFERENCES people (id),
    active BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX people_org ON people (org_id, name);
CREATE INDEX people_unit ON people (unit_id);
CREATE INDEX people_leader ON people (leader_id);
ALTER TABLE units ADD CONSTRAINT units_leader_fk FOREIGN KEY (leader_id) REFERENCES people (id);

CREATE TABLE users (
    person_id UUID PRIMARY KEY NOT NULL REFERENCES people (id),
    password_hash TEXT NOT NULL,
    locale TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE user_roles (
    person_id UUID NOT NULL REFERENCES people (id),
    role TEXT NOT NULL CHECK (role IN ('leadership', 'hr', 'admin')),
    PRIMARY KEY (person_id, role)
);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY NOT NULL,
    person_id UUID REFERENCES people (id),
    csrf_token TEXT NOT NULL,
    locale TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_person ON sessions (person_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE login_failures (
    id UUID PRIMARY KEY NOT NULL,
    email TEXT NOT NULL,
    ip TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, at);
CREATE INDEX login_failures_ip ON login_failures (ip, at);

CREATE TABLE audit_events (
    id UUID PRIMARY KEY NOT NULL,
    org_id UUID REFERENCES organisations (id),
    actor_id UUID REFERENCES people (id),
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT NOT NULL,
    ip TEXT,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_events_org ON audit_events (org_id, at);

CREATE TABLE pending_imports (
    id UUID PRIMARY KEY NOT NULL,
    org_id UUID NOT NULL REFERENCES organisations (id),
    person_id UUID NOT NULL REFERENCES people (id),
    filename TEXT NOT NULL,
    content BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
