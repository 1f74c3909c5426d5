-- The installation's own row: an id generated once (a random UUID, version 4) that makes the identifiers CampaignDesk
-- writes unique across installations (the Message-ID of an .eml file, the UID of a calendar event), and the time of
-- the readiness check's last write (WriteProbe), which proves the database still takes writes.
CREATE TABLE installation (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    installation_id TEXT NOT NULL,
    probed_utc TEXT NULL
);

INSERT INTO installation (id, installation_id)
SELECT 1, substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12)
FROM (SELECT lower(hex(randomblob(16))) AS h);
