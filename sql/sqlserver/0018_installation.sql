-- The installation's own row: an id generated once (a random UUID, version 4) that makes the identifiers CampaignDesk
-- writes unique across installations (the Message-ID of an .eml file, the UID of a calendar event), and the time of
-- the readiness check's last write (WriteProbe), which proves the database still takes writes.
CREATE TABLE installation (
    id int NOT NULL PRIMARY KEY CHECK (id = 1),
    installation_id nvarchar(36) NOT NULL,
    probed_utc datetime2 NULL
);

INSERT INTO installation (id, installation_id) VALUES (1, LOWER(CONVERT(nvarchar(36), NEWID())));
