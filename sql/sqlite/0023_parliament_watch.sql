-- Parliament watch: the Assemblée's (and the Sénat's) questions, amendments and votes as the publisher gives them, keyed on
-- its uid; the people each names (author, co-signatories, each member's vote) by the publisher's id (acteurRef 'PA…'),
-- resolved to officials through official_identifiers when proposals are made; a campaign's watches and recommended votes;
-- and the positions they propose, waiting in the triage queue until a coordinator accepts (a real position) or dismisses.
-- kind: written_question | government_question | oral_question | amendment | vote. Dates are ISO 'yyyy-MM-dd' text.
CREATE TABLE parliament_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL,
    source TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('written_question', 'government_question', 'oral_question', 'amendment', 'vote')),
    legislature TEXT NULL,
    number TEXT NULL,
    title TEXT NOT NULL,
    subject TEXT NULL,
    analyses TEXT NULL,
    ministry TEXT NULL,
    answering_ministry TEXT NULL,
    author_ref TEXT NULL,
    group_label TEXT NULL,
    text_ref TEXT NULL,
    article TEXT NULL,
    body TEXT NULL,
    answer TEXT NULL,
    status TEXT NULL,
    stated_on TEXT NOT NULL,
    answered_on TEXT NULL,
    url TEXT NOT NULL,
    content_sha TEXT NOT NULL,
    first_run_id INTEGER NULL REFERENCES import_runs (id),
    last_run_id INTEGER NULL REFERENCES import_runs (id)
);

CREATE UNIQUE INDEX ux_parliament_items_uid ON parliament_items (uid);
CREATE INDEX ix_parliament_items_kind ON parliament_items (kind, stated_on);

-- role: author | cosignatory | pour | contre | abstention | non_votant.
CREATE TABLE parliament_item_people (
    item_id INTEGER NOT NULL REFERENCES parliament_items (id),
    person_ref TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('author', 'cosignatory', 'pour', 'contre', 'abstention', 'non_votant')),
    group_ref TEXT NULL,
    PRIMARY KEY (item_id, person_ref, role)
);

CREATE INDEX ix_parliament_item_people_ref ON parliament_item_people (person_ref);

-- keywords, ministries, kinds: JSON arrays of text. scope: targets (the campaign's targets) | anyone (for context).
CREATE TABLE campaign_watches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    name TEXT NOT NULL,
    keywords TEXT NOT NULL,
    ministries TEXT NOT NULL,
    kinds TEXT NOT NULL,
    since TEXT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('targets', 'anyone')),
    created_by TEXT NOT NULL,
    created_utc TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    deleted_utc TEXT NULL
);

CREATE INDEX ix_campaign_watches_campaign ON campaign_watches (campaign_id);

CREATE TABLE vote_recommendations (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    item_id INTEGER NOT NULL REFERENCES parliament_items (id),
    recommendation TEXT NOT NULL CHECK (recommendation IN ('pour', 'contre')),
    created_by TEXT NOT NULL,
    created_utc TEXT NOT NULL,
    PRIMARY KEY (campaign_id, item_id)
);

-- One proposal per campaign, item and official, ever: a dismissed one keeps its row, so it never comes back.
-- highlights: JSON array of [start, length] over excerpt. state: waiting | accepted | dismissed.
CREATE TABLE position_proposals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    item_id INTEGER NOT NULL REFERENCES parliament_items (id),
    official_id INTEGER NOT NULL REFERENCES officials (id),
    watch_id INTEGER NULL REFERENCES campaign_watches (id),
    kind TEXT NOT NULL,
    role TEXT NOT NULL,
    stated_on TEXT NOT NULL,
    excerpt TEXT NOT NULL,
    highlights TEXT NOT NULL,
    matched TEXT NULL,
    suggested_stance TEXT NULL CHECK (suggested_stance IN ('supports', 'neutral', 'opposes', 'unknown')),
    state TEXT NOT NULL CHECK (state IN ('waiting', 'accepted', 'dismissed')),
    position_id INTEGER NULL REFERENCES positions (id),
    decided_by TEXT NULL,
    decided_utc TEXT NULL,
    created_utc TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_position_proposals ON position_proposals (campaign_id, item_id, official_id);
CREATE INDEX ix_position_proposals_state ON position_proposals (state, campaign_id);
