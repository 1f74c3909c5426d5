-- A campaign's targeting rule (JSON, see CampaignTargeting), officials' positions, and the indexes coverage needs.
ALTER TABLE campaigns ADD COLUMN targeting_json TEXT NULL;

CREATE TABLE positions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    official_id INTEGER NOT NULL REFERENCES officials (id),
    campaign_id INTEGER NULL REFERENCES campaigns (id),
    kind TEXT NOT NULL CHECK (kind IN ('reply', 'meeting', 'public_statement', 'written_question', 'government_question', 'amendment', 'vote', 'cosigned_letter')),
    stated_on TEXT NOT NULL,
    stance TEXT NOT NULL CHECK (stance IN ('supports', 'neutral', 'opposes', 'unknown')),
    summary TEXT NOT NULL,
    source TEXT NULL,
    organisation_id INTEGER NULL REFERENCES organisations (id),
    confirmed_by_user_id INTEGER NULL REFERENCES users (id),
    confirmed_by TEXT NOT NULL,
    created_utc TEXT NOT NULL
);

CREATE INDEX ix_positions_official_id ON positions (official_id, stated_on);
CREATE INDEX ix_positions_campaign_id ON positions (campaign_id, official_id, stated_on);

CREATE TABLE position_interactions (
    position_id INTEGER NOT NULL REFERENCES positions (id),
    interaction_id INTEGER NOT NULL REFERENCES interactions (id),
    PRIMARY KEY (position_id, interaction_id)
);

-- One title per campaign: two processes seeding the demo campaign at once create it once.
CREATE UNIQUE INDEX ux_campaigns_title ON campaigns (title);

CREATE INDEX ix_interactions_campaign_official ON interactions (campaign_id, official_id);
