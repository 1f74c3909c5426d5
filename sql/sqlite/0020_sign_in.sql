-- Signing in by e-mail: one-time links (an invitation, or « Recevoir un lien de connexion ») and the browser sessions
-- they open. Like access tokens, only a SHA-256 of each secret is kept: the database alone signs nobody in.
CREATE TABLE sign_in_links (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL CHECK (kind IN ('invitation', 'link')),
    hash TEXT NOT NULL,
    invited_by_user_id INTEGER NULL REFERENCES users (id),
    invited_by TEXT NULL,
    created_utc TEXT NOT NULL,
    expires_utc TEXT NOT NULL,
    used_utc TEXT NULL,
    revoked_utc TEXT NULL
);

CREATE UNIQUE INDEX ux_sign_in_links_hash ON sign_in_links (hash);
CREATE INDEX ix_sign_in_links_user_id ON sign_in_links (user_id);

-- A session ends at expires_utc, pushed back as it is used (sliding) but never past created_utc plus the configured
-- lifetime; revoked_utc ends it at once (« Déconnecter cet appareil », signing out, the user disabled).
CREATE TABLE web_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id),
    hash TEXT NOT NULL,
    device TEXT NOT NULL,
    signed_in_with TEXT NOT NULL CHECK (signed_in_with IN ('invitation', 'link')),
    created_utc TEXT NOT NULL,
    last_seen_utc TEXT NOT NULL,
    expires_utc TEXT NOT NULL,
    revoked_utc TEXT NULL
);

CREATE UNIQUE INDEX ux_web_sessions_hash ON web_sessions (hash);
CREATE INDEX ix_web_sessions_user_id ON web_sessions (user_id);
