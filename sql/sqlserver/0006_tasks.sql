-- Campaigns (the outreach issue adds targeting), interactions (the outreach log), and volunteers' tasks.
CREATE TABLE campaigns (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    title nvarchar(200) NOT NULL,
    goal nvarchar(max) NULL,
    deadline char(10) NULL,
    status nvarchar(30) NOT NULL CHECK (status IN ('draft', 'active', 'closed')),
    version int NOT NULL DEFAULT 1,
    created_utc datetime2 NOT NULL,
    updated_utc datetime2 NOT NULL
);

CREATE TABLE campaign_organisations (
    campaign_id bigint NOT NULL REFERENCES campaigns (id),
    organisation_id bigint NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (campaign_id, organisation_id)
);

CREATE INDEX ix_campaign_organisations_organisation_id ON campaign_organisations (organisation_id);

CREATE TABLE interactions (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    organisation_id bigint NOT NULL REFERENCES organisations (id),
    official_id bigint NOT NULL REFERENCES officials (id),
    campaign_id bigint NULL REFERENCES campaigns (id),
    channel nvarchar(30) NOT NULL,
    direction nvarchar(30) NOT NULL CHECK (direction IN ('outbound', 'inbound')),
    occurred_utc datetime2 NOT NULL,
    outcome nvarchar(30) NOT NULL,
    notes nvarchar(max) NULL,
    confidential bit NOT NULL DEFAULT 0,
    logged_by_user_id bigint NULL REFERENCES users (id),
    logged_by nvarchar(300) NOT NULL,
    created_utc datetime2 NOT NULL
);

CREATE INDEX ix_interactions_official_id ON interactions (official_id, occurred_utc);
CREATE INDEX ix_interactions_organisation_id ON interactions (organisation_id, occurred_utc);
CREATE INDEX ix_interactions_campaign_id ON interactions (campaign_id);

CREATE TABLE tasks (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    organisation_id bigint NOT NULL REFERENCES organisations (id),
    assignee_user_id bigint NOT NULL REFERENCES users (id),
    official_id bigint NOT NULL REFERENCES officials (id),
    campaign_id bigint NULL REFERENCES campaigns (id),
    kind nvarchar(30) NOT NULL CHECK (kind IN ('call', 'email', 'letter', 'meeting', 'visit')),
    due_date char(10) NOT NULL,
    instructions nvarchar(max) NULL,
    state nvarchar(30) NOT NULL CHECK (state IN ('open', 'done', 'cancelled')),
    interaction_id bigint NULL REFERENCES interactions (id),
    created_by_user_id bigint NULL REFERENCES users (id),
    version int NOT NULL DEFAULT 1,
    created_utc datetime2 NOT NULL,
    updated_utc datetime2 NOT NULL,
    closed_utc datetime2 NULL
);

CREATE INDEX ix_tasks_assignee_user_id ON tasks (assignee_user_id, state, due_date);
CREATE INDEX ix_tasks_organisation_id ON tasks (organisation_id, state, due_date);
CREATE INDEX ix_tasks_open_due_date ON tasks (due_date) WHERE state = 'open';

-- One row per reminder e-mailed, so a reminder is never sent twice for the same task and kind.
CREATE TABLE task_reminders (
    task_id bigint NOT NULL REFERENCES tasks (id),
    kind nvarchar(30) NOT NULL CHECK (kind IN ('due_soon', 'overdue')),
    sent_utc datetime2 NOT NULL,
    PRIMARY KEY (task_id, kind)
);
