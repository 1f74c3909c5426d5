-- Follow-up e-mails: French templates per campaign, and the outbox the worker sends from, one row per message.

CREATE TABLE templates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    name TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL,
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_templates_campaign_name ON templates (campaign_id, name);

-- state: scheduled -> claimed -> sent | failed | cancelled (claimed goes back to scheduled on a transient failure).
-- A claim is a lease (claim_token, lease_until_utc): a worker that dies leaves the row to be claimed again once the
-- lease ends, and the transport's idempotency key (a random value per row) stops a second message.
-- window_date: the Paris day (the sending window) the message is planned in; at most one live message per official
-- and window across the coalition (ux_followups_official_window).
CREATE TABLE followups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NULL REFERENCES campaigns (id),
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    official_id INTEGER NOT NULL REFERENCES officials (id),
    template_id INTEGER NULL REFERENCES templates (id),
    from_mailbox TEXT NOT NULL,
    to_address TEXT NOT NULL,
    to_name TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    department_code TEXT NULL,
    not_before_utc TEXT NOT NULL,
    due_utc TEXT NOT NULL,
    window_date TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('scheduled', 'claimed', 'sent', 'failed', 'cancelled')),
    idempotency_key TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NULL,
    claim_token TEXT NULL,
    lease_until_utc TEXT NULL,
    provider_message_id TEXT NULL,
    sent_utc TEXT NULL,
    cancelled_utc TEXT NULL,
    cancel_reason TEXT NULL,
    source TEXT NOT NULL CHECK (source IN ('manual', 'rule')),
    source_interaction_id INTEGER NULL REFERENCES interactions (id),
    created_by_user_id INTEGER NULL REFERENCES users (id),
    created_by TEXT NOT NULL,
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);

CREATE INDEX ix_followups_due ON followups (state, due_utc);
CREATE INDEX ix_followups_official ON followups (official_id, campaign_id, state);
CREATE INDEX ix_followups_organisation ON followups (organisation_id, state, due_utc);
CREATE UNIQUE INDEX ux_followups_key ON followups (idempotency_key);
CREATE UNIQUE INDEX ux_followups_source_interaction ON followups (source_interaction_id) WHERE source_interaction_id IS NOT NULL;
CREATE UNIQUE INDEX ux_followups_official_window ON followups (official_id, window_date) WHERE state IN ('scheduled', 'claimed', 'sent');

-- The automatic follow-up rule of a campaign: after this many working days without a reply, with this template.
ALTER TABLE campaigns ADD followup_after_days INTEGER NULL;
ALTER TABLE campaigns ADD followup_template_id INTEGER NULL;
