-- A campaign's targeting rule (JSON, see CampaignTargeting), officials' positions, and the indexes coverage needs.
ALTER TABLE campaigns ADD targeting_json nvarchar(max) NULL;

CREATE TABLE positions (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    official_id bigint NOT NULL REFERENCES officials (id),
    campaign_id bigint NULL REFERENCES campaigns (id),
    kind nvarchar(30) NOT NULL CHECK (kind IN ('reply', 'meeting', 'public_statement', 'written_question', 'government_question', 'amendment', 'vote', 'cosigned_letter')),
    stated_on char(10) NOT NULL,
    stance nvarchar(30) NOT NULL CHECK (stance IN ('supports', 'neutral', 'opposes', 'unknown')),
    summary nvarchar(4000) NOT NULL,
    source nvarchar(2000) NULL,
    organisation_id bigint NULL REFERENCES organisations (id),
    confirmed_by_user_id bigint NULL REFERENCES users (id),
    confirmed_by nvarchar(300) NOT NULL,
    created_utc datetime2 NOT NULL
);

CREATE INDEX ix_positions_official_id ON positions (official_id, stated_on);
CREATE INDEX ix_positions_campaign_id ON positions (campaign_id, official_id, stated_on);

CREATE TABLE position_interactions (
    position_id bigint NOT NULL REFERENCES positions (id),
    interaction_id bigint NOT NULL REFERENCES interactions (id),
    PRIMARY KEY (position_id, interaction_id)
);

-- One title per campaign: two processes seeding the demo campaign at once create it once.
CREATE UNIQUE INDEX ux_campaigns_title ON campaigns (title);

CREATE INDEX ix_interactions_campaign_official ON interactions (campaign_id, official_id);
