-- Signing in by e-mail: one-time links (an invitation, or « Recevoir un lien de connexion ») and the browser sessions
-- they open. Like access tokens, only a SHA-256 of each secret is kept: the database alone signs nobody in.
CREATE TABLE sign_in_links (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    kind nvarchar(20) NOT NULL CHECK (kind IN ('invitation', 'link')),
    hash nvarchar(64) NOT NULL,
    invited_by_user_id bigint NULL REFERENCES users (id),
    invited_by nvarchar(200) NULL,
    created_utc datetime2 NOT NULL,
    expires_utc datetime2 NOT NULL,
    used_utc datetime2 NULL,
    revoked_utc datetime2 NULL
);

CREATE UNIQUE INDEX ux_sign_in_links_hash ON sign_in_links (hash);
CREATE INDEX ix_sign_in_links_user_id ON sign_in_links (user_id);

-- A session ends at expires_utc, pushed back as it is used (sliding) but never past created_utc plus the configured
-- lifetime; revoked_utc ends it at once (« Déconnecter cet appareil », signing out, the user disabled).
CREATE TABLE web_sessions (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    hash nvarchar(64) NOT NULL,
    device nvarchar(100) NOT NULL,
    signed_in_with nvarchar(20) NOT NULL CHECK (signed_in_with IN ('invitation', 'link')),
    created_utc datetime2 NOT NULL,
    last_seen_utc datetime2 NOT NULL,
    expires_utc datetime2 NOT NULL,
    revoked_utc datetime2 NULL
);

CREATE UNIQUE INDEX ux_web_sessions_hash ON web_sessions (hash);
CREATE INDEX ix_web_sessions_user_id ON web_sessions (user_id);
