-- What each campaign knows of each official it touched, kept in step with the outreach log and the positions in the
-- transaction of each write (CampaignProgress), so that coverage and gaps read one row per target instead of
-- aggregating a log of a million interactions at every request.

-- One row per campaign and official with an interaction or a position on the campaign. reached: an outcome other than
-- sent, left_message or unreachable; replied: an inbound interaction or an outcome replied or declined; stance: that of
-- the latest position (NULL without one); last_shared_contact_utc: the latest interaction that is not confidential.
CREATE TABLE campaign_progress (
    campaign_id bigint NOT NULL REFERENCES campaigns (id),
    official_id bigint NOT NULL REFERENCES officials (id),
    last_contact_utc datetime2 NULL,
    last_shared_contact_utc datetime2 NULL,
    reached int NOT NULL,
    replied int NOT NULL,
    stance nvarchar(30) NULL,
    PRIMARY KEY (campaign_id, official_id)
);

-- Which organisation contacted which official on a campaign, and when last.
CREATE TABLE campaign_contacts (
    campaign_id bigint NOT NULL REFERENCES campaigns (id),
    organisation_id bigint NOT NULL REFERENCES organisations (id),
    official_id bigint NOT NULL REFERENCES officials (id),
    last_contact_utc datetime2 NOT NULL,
    PRIMARY KEY (campaign_id, organisation_id, official_id)
);

CREATE INDEX ix_campaign_contacts_official ON campaign_contacts (campaign_id, official_id);

INSERT INTO campaign_contacts (campaign_id, organisation_id, official_id, last_contact_utc)
SELECT campaign_id, organisation_id, official_id, MAX(occurred_utc)
FROM interactions WHERE campaign_id IS NOT NULL
GROUP BY campaign_id, organisation_id, official_id;

INSERT INTO campaign_progress (campaign_id, official_id, last_contact_utc, last_shared_contact_utc, reached, replied, stance)
SELECT k.campaign_id, k.official_id, a.last_contact_utc, a.last_shared_contact_utc, COALESCE(a.reached, 0), COALESCE(a.replied, 0), NULL
FROM (SELECT campaign_id, official_id FROM interactions WHERE campaign_id IS NOT NULL
      UNION SELECT campaign_id, official_id FROM positions WHERE campaign_id IS NOT NULL) k
LEFT JOIN (SELECT campaign_id, official_id, MAX(occurred_utc) AS last_contact_utc,
                  MAX(CASE WHEN confidential = 0 THEN occurred_utc END) AS last_shared_contact_utc,
                  MAX(CASE WHEN outcome NOT IN ('sent', 'left_message', 'unreachable') THEN 1 ELSE 0 END) AS reached,
                  MAX(CASE WHEN direction = 'inbound' OR outcome IN ('replied', 'declined') THEN 1 ELSE 0 END) AS replied
           FROM interactions WHERE campaign_id IS NOT NULL GROUP BY campaign_id, official_id) a
       ON a.campaign_id = k.campaign_id AND a.official_id = k.official_id;

-- The stance of the latest position (by date, then id).
UPDATE campaign_progress SET stance =
    (SELECT p.stance FROM positions p
     WHERE p.campaign_id = campaign_progress.campaign_id AND p.official_id = campaign_progress.official_id
       AND NOT EXISTS (SELECT 1 FROM positions q WHERE q.campaign_id = p.campaign_id AND q.official_id = p.official_id
                         AND (q.stated_on > p.stated_on OR (q.stated_on = p.stated_on AND q.id > p.id))));

-- Targets are resolved by role and territory at each coverage read: the territory indexes carry the role too (SQLite
-- otherwise scanned every maire by role to find those of the participants' communes). Same names, same count: a large
-- import drops and re-creates them as before.
DROP INDEX ix_mandates_commune_insee ON mandates;
CREATE INDEX ix_mandates_commune_insee ON mandates (commune_insee, role);
DROP INDEX ix_mandates_circonscription_code ON mandates;
CREATE INDEX ix_mandates_circonscription_code ON mandates (circonscription_code, role) WHERE circonscription_code IS NOT NULL;
