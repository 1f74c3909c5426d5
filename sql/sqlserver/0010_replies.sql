-- Replies read back from the organisations' mailboxes (Graph delta query on each inbox).

-- Where each mailbox's inbox was left: the @odata.nextLink mid-round, the @odata.deltaLink between rounds. A restart
-- resumes from it. started_utc: the first round's start; older mail found in the inbox then is history, not a reply.
CREATE TABLE mailbox_sync (
    mailbox nvarchar(200) NOT NULL PRIMARY KEY,
    link nvarchar(max) NULL,
    started_utc datetime2 NOT NULL,
    updated_utc datetime2 NOT NULL
);

-- Every message of an inbox the worker looked at, once per mailbox and message (message_key: the internetMessageId,
-- else 'graph:' and Graph's id), so a replayed page changes nothing.
-- kind: reply (to a follow-up) | message (from an official) | auto_reply | bounce | unknown (sender) | ambiguous (sender).
-- triage: waiting | done | dismissed for replies and messages, which carry an interaction and a 'reply' position.
CREATE TABLE inbound_messages (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    mailbox nvarchar(200) NOT NULL,
    message_key nvarchar(400) NOT NULL,
    graph_id nvarchar(400) NOT NULL,
    organisation_id bigint NULL REFERENCES organisations (id),
    official_id bigint NULL REFERENCES officials (id),
    campaign_id bigint NULL REFERENCES campaigns (id),
    followup_id bigint NULL REFERENCES followups (id),
    kind nvarchar(20) NOT NULL CHECK (kind IN ('reply', 'message', 'auto_reply', 'bounce', 'unknown', 'ambiguous')),
    from_address nvarchar(320) NULL,
    subject nvarchar(max) NULL,
    preview nvarchar(max) NULL,
    web_link nvarchar(max) NULL,
    received_utc datetime2 NOT NULL,
    interaction_id bigint NULL REFERENCES interactions (id),
    position_id bigint NULL REFERENCES positions (id),
    triage nvarchar(20) NULL CHECK (triage IN ('waiting', 'done', 'dismissed')),
    triaged_by nvarchar(200) NULL,
    triaged_utc datetime2 NULL,
    processed_utc datetime2 NOT NULL
);

CREATE UNIQUE INDEX ux_inbound_messages_key ON inbound_messages (mailbox, message_key);
CREATE INDEX ix_inbound_messages_triage ON inbound_messages (triage, organisation_id);
CREATE INDEX ix_inbound_messages_interaction ON inbound_messages (interaction_id);

-- An address a non-delivery report came back from: follow-ups stop choosing it until a message from it arrives.
ALTER TABLE contact_points ADD bouncing_since_utc datetime2 NULL;
