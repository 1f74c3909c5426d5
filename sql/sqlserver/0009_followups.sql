-- Follow-up e-mails: French templates per campaign, and the outbox the worker sends from, one row per message.

CREATE TABLE templates (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    campaign_id bigint NOT NULL REFERENCES campaigns (id),
    name nvarchar(200) NOT NULL,
    subject nvarchar(998) NOT NULL,
    body nvarchar(max) NOT NULL,
    version int NOT NULL DEFAULT 1,
    created_by nvarchar(200) NOT NULL,
    created_utc datetime2 NOT NULL,
    updated_utc datetime2 NOT NULL
);

CREATE UNIQUE INDEX ux_templates_campaign_name ON templates (campaign_id, name);

-- state: scheduled -> claimed -> sent | failed | cancelled (claimed goes back to scheduled on a transient failure).
-- A claim is a lease (claim_token, lease_until_utc): a worker that dies leaves the row to be claimed again once the
-- lease ends, and the transport's idempotency key (a random value per row) stops a second message.
-- window_date: the Paris day (the sending window) the message is planned in; at most one live message per official
-- and window across the coalition (ux_followups_official_window).
CREATE TABLE followups (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    campaign_id bigint NULL REFERENCES campaigns (id),
    organisation_id bigint NOT NULL REFERENCES organisations (id),
    official_id bigint NOT NULL REFERENCES officials (id),
    template_id bigint NULL REFERENCES templates (id),
    from_mailbox nvarchar(320) NOT NULL,
    to_address nvarchar(320) NOT NULL,
    to_name nvarchar(320) NOT NULL,
    subject nvarchar(2000) NOT NULL,
    body nvarchar(max) NOT NULL,
    department_code nvarchar(10) NULL,
    not_before_utc datetime2 NOT NULL,
    due_utc datetime2 NOT NULL,
    window_date char(10) NOT NULL,
    state nvarchar(30) NOT NULL CHECK (state IN ('scheduled', 'claimed', 'sent', 'failed', 'cancelled')),
    idempotency_key nvarchar(64) NOT NULL,
    attempts int NOT NULL DEFAULT 0,
    last_error nvarchar(max) NULL,
    claim_token nvarchar(64) NULL,
    lease_until_utc datetime2 NULL,
    provider_message_id nvarchar(998) NULL,
    sent_utc datetime2 NULL,
    cancelled_utc datetime2 NULL,
    cancel_reason nvarchar(400) NULL,
    source nvarchar(30) NOT NULL CHECK (source IN ('manual', 'rule')),
    source_interaction_id bigint NULL REFERENCES interactions (id),
    created_by_user_id bigint NULL REFERENCES users (id),
    created_by nvarchar(200) NOT NULL,
    created_utc datetime2 NOT NULL,
    updated_utc datetime2 NOT NULL
);

CREATE INDEX ix_followups_due ON followups (state, due_utc);
CREATE INDEX ix_followups_official ON followups (official_id, campaign_id, state);
CREATE INDEX ix_followups_organisation ON followups (organisation_id, state, due_utc);
CREATE UNIQUE INDEX ux_followups_key ON followups (idempotency_key);
CREATE UNIQUE INDEX ux_followups_source_interaction ON followups (source_interaction_id) WHERE source_interaction_id IS NOT NULL;
CREATE UNIQUE INDEX ux_followups_official_window ON followups (official_id, window_date) WHERE state IN ('scheduled', 'claimed', 'sent');

-- The automatic follow-up rule of a campaign: after this many working days without a reply, with this template.
ALTER TABLE campaigns ADD followup_after_days int NULL;
ALTER TABLE campaigns ADD followup_template_id bigint NULL;
