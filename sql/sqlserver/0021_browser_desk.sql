-- What the web pages need to run a day in the browser: follow-ups scheduled together (one batch, cancelled at once),
-- tasks that stay open after a message left (attempts), and a call script per campaign and mandate.

CREATE TABLE followup_batches (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    organisation_id bigint NOT NULL REFERENCES organisations (id),
    campaign_id bigint NULL REFERENCES campaigns (id),
    created_by_user_id bigint NULL REFERENCES users (id),
    created_by nvarchar(200) NOT NULL,
    created_utc datetime2 NOT NULL
);

ALTER TABLE followups ADD batch_id bigint NULL REFERENCES followup_batches (id);
GO
CREATE INDEX ix_followups_batch ON followups (batch_id) WHERE batch_id IS NOT NULL;

ALTER TABLE tasks ADD attempts int NOT NULL CONSTRAINT df_tasks_attempts DEFAULT 0;
ALTER TABLE tasks ADD last_attempt_utc datetime2 NULL;

-- role '*' is the campaign's script for every mandate without one of its own.
CREATE TABLE campaign_scripts (
    campaign_id bigint NOT NULL REFERENCES campaigns (id),
    role nvarchar(40) NOT NULL,
    body nvarchar(max) NOT NULL,
    version int NOT NULL DEFAULT 1,
    updated_by nvarchar(200) NOT NULL,
    updated_utc datetime2 NOT NULL,
    PRIMARY KEY (campaign_id, role)
);
