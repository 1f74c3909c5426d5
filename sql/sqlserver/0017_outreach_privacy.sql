-- Who disabled a user (an admin's decision is not a coordinator's to undo), positions that can be corrected and withdrawn
-- (a withdrawn position keeps its row and its history but counts nowhere), and each organisation's latest shared contact
-- with an official, so that what others see of an organisation's outreach never rests on its confidential contacts.

ALTER TABLE users ADD disabled_by_role nvarchar(20) NULL;
-- Who disabled the users already disabled is not known: an admin, to be safe (a coordinator asks an admin to enable them).
EXEC (N'UPDATE users SET disabled_by_role = ''admin'' WHERE disabled_utc IS NOT NULL');

ALTER TABLE positions ADD version int NOT NULL DEFAULT 1;
ALTER TABLE positions ADD updated_utc datetime2 NULL;
ALTER TABLE positions ADD withdrawn_utc datetime2 NULL;
ALTER TABLE positions ADD withdrawn_by_user_id bigint NULL REFERENCES users (id);
ALTER TABLE positions ADD withdrawn_by nvarchar(300) NULL;

ALTER TABLE campaign_contacts ADD last_shared_contact_utc datetime2 NULL;

-- A column added in this batch is unknown when the batch compiles: the backfill runs as a batch of its own.
EXEC (N'UPDATE campaign_contacts SET last_shared_contact_utc =
    (SELECT MAX(i.occurred_utc) FROM interactions i
     WHERE i.campaign_id = campaign_contacts.campaign_id AND i.organisation_id = campaign_contacts.organisation_id
       AND i.official_id = campaign_contacts.official_id AND i.confidential = 0)');
