-- What the web pages need to run a day in the browser: follow-ups scheduled together (one batch, cancelled at once),
-- tasks that stay open after a message left (attempts), and a call script per campaign and mandate.

CREATE TABLE followup_batches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    campaign_id INTEGER NULL REFERENCES campaigns (id),
    created_by_user_id INTEGER NULL REFERENCES users (id),
    created_by TEXT NOT NULL,
    created_utc TEXT NOT NULL
);

ALTER TABLE followups ADD COLUMN batch_id INTEGER NULL REFERENCES followup_batches (id);
CREATE INDEX ix_followups_batch ON followups (batch_id) WHERE batch_id IS NOT NULL;

ALTER TABLE tasks ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tasks ADD COLUMN last_attempt_utc TEXT NULL;

-- role '*' is the campaign's script for every mandate without one of its own.
CREATE TABLE campaign_scripts (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    role TEXT NOT NULL,
    body TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    updated_by TEXT NOT NULL,
    updated_utc TEXT NOT NULL,
    PRIMARY KEY (campaign_id, role)
);
