-- Users, the organisations they act for, their access tokens (API and calendar feed), and the audit trail.
CREATE TABLE users (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    email nvarchar(254) NOT NULL,
    email_key nvarchar(254) NOT NULL,
    display_name nvarchar(200) NOT NULL,
    role nvarchar(20) NOT NULL CHECK (role IN ('admin', 'coordinator', 'volunteer', 'observer')),
    entra_object_id nvarchar(64) NULL,
    disabled_utc datetime2 NULL,
    version int NOT NULL DEFAULT 1,
    created_utc datetime2 NOT NULL,
    updated_utc datetime2 NOT NULL
);

CREATE UNIQUE INDEX ux_users_email_key ON users (email_key);
CREATE UNIQUE INDEX ux_users_entra_object_id ON users (entra_object_id) WHERE entra_object_id IS NOT NULL;

CREATE TABLE user_organisations (
    user_id bigint NOT NULL REFERENCES users (id),
    organisation_id bigint NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (user_id, organisation_id)
);

CREATE INDEX ix_user_organisations_organisation_id ON user_organisations (organisation_id);

-- Only a SHA-256 hash of each token is kept; the prefix lets a user recognise a token in a list.
CREATE TABLE access_tokens (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    purpose nvarchar(20) NOT NULL CHECK (purpose IN ('api', 'calendar')),
    name nvarchar(100) NOT NULL,
    prefix nvarchar(20) NOT NULL,
    hash nvarchar(64) NOT NULL,
    created_utc datetime2 NOT NULL,
    expires_utc datetime2 NULL,
    revoked_utc datetime2 NULL,
    last_used_utc datetime2 NULL
);

CREATE UNIQUE INDEX ux_access_tokens_hash ON access_tokens (hash);
CREATE INDEX ix_access_tokens_user_id ON access_tokens (user_id);

CREATE TABLE audit_entries (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    at_utc datetime2 NOT NULL,
    actor_user_id bigint NULL,
    actor nvarchar(300) NOT NULL,
    action nvarchar(50) NOT NULL,
    entity nvarchar(50) NOT NULL,
    entity_id nvarchar(50) NULL,
    organisation_id bigint NULL,
    before_json nvarchar(max) NULL,
    after_json nvarchar(max) NULL
);

CREATE INDEX ix_audit_entries_entity ON audit_entries (entity, entity_id);
CREATE INDEX ix_audit_entries_actor_user_id ON audit_entries (actor_user_id);
