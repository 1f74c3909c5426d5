-- Users, the organisations they act for, their access tokens (API and calendar feed), and the audit trail.
CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'volunteer', 'observer')),
    entra_object_id TEXT NULL,
    disabled_utc TEXT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_users_email_key ON users (email_key);
CREATE UNIQUE INDEX ux_users_entra_object_id ON users (entra_object_id) WHERE entra_object_id IS NOT NULL;

CREATE TABLE user_organisations (
    user_id INTEGER NOT NULL REFERENCES users (id),
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (user_id, organisation_id)
);

CREATE INDEX ix_user_organisations_organisation_id ON user_organisations (organisation_id);

-- Only a SHA-256 hash of each token is kept; the prefix lets a user recognise a token in a list.
CREATE TABLE access_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id),
    purpose TEXT NOT NULL CHECK (purpose IN ('api', 'calendar')),
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    hash TEXT NOT NULL,
    created_utc TEXT NOT NULL,
    expires_utc TEXT NULL,
    revoked_utc TEXT NULL,
    last_used_utc TEXT NULL
);

CREATE UNIQUE INDEX ux_access_tokens_hash ON access_tokens (hash);
CREATE INDEX ix_access_tokens_user_id ON access_tokens (user_id);

CREATE TABLE audit_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at_utc TEXT NOT NULL,
    actor_user_id INTEGER NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NULL,
    organisation_id INTEGER NULL,
    before_json TEXT NULL,
    after_json TEXT NULL
);

CREATE INDEX ix_audit_entries_entity ON audit_entries (entity, entity_id);
CREATE INDEX ix_audit_entries_actor_user_id ON audit_entries (actor_user_id);
