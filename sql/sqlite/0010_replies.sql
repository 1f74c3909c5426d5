-- Replies read back from the organisations' mailboxes (Graph delta query on each inbox).

-- Where each mailbox's inbox was left: the @odata.nextLink mid-round, the @odata.deltaLink between rounds. A restart
-- resumes from it. started_utc: the first round's start; older mail found in the inbox then is history, not a reply.
CREATE TABLE mailbox_sync (
    mailbox TEXT NOT NULL PRIMARY KEY,
    link TEXT NULL,
    started_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);

-- Every message of an inbox the worker looked at, once per mailbox and message (message_key: the internetMessageId,
-- else 'graph:' and Graph's id), so a replayed page changes nothing.
-- kind: reply (to a follow-up) | message (from an official) | auto_reply | bounce | unknown (sender) | ambiguous (sender).
-- triage: waiting | done | dismissed for replies and messages, which carry an interaction and a 'reply' position.
CREATE TABLE inbound_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    mailbox TEXT NOT NULL,
    message_key TEXT NOT NULL,
    graph_id TEXT NOT NULL,
    organisation_id INTEGER NULL REFERENCES organisations (id),
    official_id INTEGER NULL REFERENCES officials (id),
    campaign_id INTEGER NULL REFERENCES campaigns (id),
    followup_id INTEGER NULL REFERENCES followups (id),
    kind TEXT NOT NULL CHECK (kind IN ('reply', 'message', 'auto_reply', 'bounce', 'unknown', 'ambiguous')),
    from_address TEXT NULL,
    subject TEXT NULL,
    preview TEXT NULL,
    web_link TEXT NULL,
    received_utc TEXT NOT NULL,
    interaction_id INTEGER NULL REFERENCES interactions (id),
    position_id INTEGER NULL REFERENCES positions (id),
    triage TEXT NULL CHECK (triage IN ('waiting', 'done', 'dismissed')),
    triaged_by TEXT NULL,
    triaged_utc TEXT NULL,
    processed_utc TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_inbound_messages_key ON inbound_messages (mailbox, message_key);
CREATE INDEX ix_inbound_messages_triage ON inbound_messages (triage, organisation_id);
CREATE INDEX ix_inbound_messages_interaction ON inbound_messages (interaction_id);

-- An address a non-delivery report came back from: follow-ups stop choosing it until a message from it arrives.
ALTER TABLE contact_points ADD COLUMN bouncing_since_utc TEXT NULL;
