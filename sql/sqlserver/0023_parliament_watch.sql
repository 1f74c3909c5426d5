-- Parliament watch: the Assemblée's (and the Sénat's) questions, amendments and votes as the publisher gives them, keyed on
-- its uid; the people each names (author, co-signatories, each member's vote) by the publisher's id (acteurRef 'PA…'),
-- resolved to officials through official_identifiers when proposals are made; a campaign's watches and recommended votes;
-- and the positions they propose, waiting in the triage queue until a coordinator accepts (a real position) or dismisses.
-- kind: written_question | government_question | oral_question | amendment | vote. Dates are ISO 'yyyy-MM-dd' text.
CREATE TABLE parliament_items (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    uid nvarchar(100) NOT NULL,
    source nvarchar(20) NOT NULL,
    kind nvarchar(30) NOT NULL CHECK (kind IN ('written_question', 'government_question', 'oral_question', 'amendment', 'vote')),
    legislature nvarchar(10) NULL,
    number nvarchar(40) NULL,
    title nvarchar(max) NOT NULL,
    subject nvarchar(max) NULL,
    analyses nvarchar(max) NULL,
    ministry nvarchar(max) NULL,
    answering_ministry nvarchar(max) NULL,
    author_ref nvarchar(40) NULL,
    group_label nvarchar(400) NULL,
    text_ref nvarchar(100) NULL,
    article nvarchar(max) NULL,
    body nvarchar(max) NULL,
    answer nvarchar(max) NULL,
    status nvarchar(400) NULL,
    stated_on nvarchar(10) NOT NULL,
    answered_on nvarchar(10) NULL,
    url nvarchar(2000) NOT NULL,
    content_sha nvarchar(64) NOT NULL,
    first_run_id bigint NULL REFERENCES import_runs (id),
    last_run_id bigint NULL REFERENCES import_runs (id)
);

CREATE UNIQUE INDEX ux_parliament_items_uid ON parliament_items (uid);
CREATE INDEX ix_parliament_items_kind ON parliament_items (kind, stated_on);

-- role: author | cosignatory | pour | contre | abstention | non_votant.
CREATE TABLE parliament_item_people (
    item_id bigint NOT NULL REFERENCES parliament_items (id),
    person_ref nvarchar(40) NOT NULL,
    role nvarchar(20) NOT NULL CHECK (role IN ('author', 'cosignatory', 'pour', 'contre', 'abstention', 'non_votant')),
    group_ref nvarchar(40) NULL,
    PRIMARY KEY (item_id, person_ref, role)
);

CREATE INDEX ix_parliament_item_people_ref ON parliament_item_people (person_ref);

-- keywords, ministries, kinds: JSON arrays of text. scope: targets (the campaign's targets) | anyone (for context).
CREATE TABLE campaign_watches (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    campaign_id bigint NOT NULL REFERENCES campaigns (id),
    name nvarchar(200) NOT NULL,
    keywords nvarchar(max) NOT NULL,
    ministries nvarchar(max) NOT NULL,
    kinds nvarchar(max) NOT NULL,
    since nvarchar(10) NULL,
    scope nvarchar(20) NOT NULL CHECK (scope IN ('targets', 'anyone')),
    created_by nvarchar(200) NOT NULL,
    created_utc datetime2 NOT NULL,
    version int NOT NULL DEFAULT 1,
    deleted_utc datetime2 NULL
);

CREATE INDEX ix_campaign_watches_campaign ON campaign_watches (campaign_id);

CREATE TABLE vote_recommendations (
    campaign_id bigint NOT NULL REFERENCES campaigns (id),
    item_id bigint NOT NULL REFERENCES parliament_items (id),
    recommendation nvarchar(10) NOT NULL CHECK (recommendation IN ('pour', 'contre')),
    created_by nvarchar(200) NOT NULL,
    created_utc datetime2 NOT NULL,
    PRIMARY KEY (campaign_id, item_id)
);

-- One proposal per campaign, item and official, ever: a dismissed one keeps its row, so it never comes back.
-- highlights: JSON array of [start, length] over excerpt. state: waiting | accepted | dismissed.
CREATE TABLE position_proposals (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    campaign_id bigint NOT NULL REFERENCES campaigns (id),
    item_id bigint NOT NULL REFERENCES parliament_items (id),
    official_id bigint NOT NULL REFERENCES officials (id),
    watch_id bigint NULL REFERENCES campaign_watches (id),
    kind nvarchar(30) NOT NULL,
    role nvarchar(20) NOT NULL,
    stated_on nvarchar(10) NOT NULL,
    excerpt nvarchar(max) NOT NULL,
    highlights nvarchar(max) NOT NULL,
    matched nvarchar(max) NULL,
    suggested_stance nvarchar(20) NULL CHECK (suggested_stance IN ('supports', 'neutral', 'opposes', 'unknown')),
    state nvarchar(20) NOT NULL CHECK (state IN ('waiting', 'accepted', 'dismissed')),
    position_id bigint NULL REFERENCES positions (id),
    decided_by nvarchar(200) NULL,
    decided_utc datetime2 NULL,
    created_utc datetime2 NOT NULL
);

CREATE UNIQUE INDEX ux_position_proposals ON position_proposals (campaign_id, item_id, official_id);
CREATE INDEX ix_position_proposals_state ON position_proposals (state, campaign_id);
