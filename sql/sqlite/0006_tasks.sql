-- Campaigns (the outreach issue adds targeting), interactions (the outreach log), and volunteers' tasks.
CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    goal TEXT NULL,
    deadline TEXT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'closed')),
    version INTEGER NOT NULL DEFAULT 1,
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);

CREATE TABLE campaign_organisations (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (campaign_id, organisation_id)
);

CREATE INDEX ix_campaign_organisations_organisation_id ON campaign_organisations (organisation_id);

CREATE TABLE interactions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    official_id INTEGER NOT NULL REFERENCES officials (id),
    campaign_id INTEGER NULL REFERENCES campaigns (id),
    channel TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('outbound', 'inbound')),
    occurred_utc TEXT NOT NULL,
    outcome TEXT NOT NULL,
    notes TEXT NULL,
    confidential INTEGER NOT NULL DEFAULT 0,
    logged_by_user_id INTEGER NULL REFERENCES users (id),
    logged_by TEXT NOT NULL,
    created_utc TEXT NOT NULL
);

CREATE INDEX ix_interactions_official_id ON interactions (official_id, occurred_utc);
CREATE INDEX ix_interactions_organisation_id ON interactions (organisation_id, occurred_utc);
CREATE INDEX ix_interactions_campaign_id ON interactions (campaign_id);

CREATE TABLE tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    assignee_user_id INTEGER NOT NULL REFERENCES users (id),
    official_id INTEGER NOT NULL REFERENCES officials (id),
    campaign_id INTEGER NULL REFERENCES campaigns (id),
    kind TEXT NOT NULL CHECK (kind IN ('call', 'email', 'letter', 'meeting', 'visit')),
    due_date TEXT NOT NULL,
    instructions TEXT NULL,
    state TEXT NOT NULL CHECK (state IN ('open', 'done', 'cancelled')),
    interaction_id INTEGER NULL REFERENCES interactions (id),
    created_by_user_id INTEGER NULL REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL,
    closed_utc TEXT NULL
);

CREATE INDEX ix_tasks_assignee_user_id ON tasks (assignee_user_id, state, due_date);
CREATE INDEX ix_tasks_organisation_id ON tasks (organisation_id, state, due_date);
CREATE INDEX ix_tasks_open_due_date ON tasks (due_date) WHERE state = 'open';

-- One row per reminder e-mailed, so a reminder is never sent twice for the same task and kind.
CREATE TABLE task_reminders (
    task_id INTEGER NOT NULL REFERENCES tasks (id),
    kind TEXT NOT NULL CHECK (kind IN ('due_soon', 'overdue')),
    sent_utc TEXT NOT NULL,
    PRIMARY KEY (task_id, kind)
);
