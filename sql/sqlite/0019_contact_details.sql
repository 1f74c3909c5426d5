-- A number to call and an address to write to for every target (#21). A contact point says how it reaches (kind:
-- email, phone, postal, web) and what for (contact_use: office, circonscription, mairie; personal is never imported).
-- Phones are stored in E.164; a postal address is its formatted text (value: the lines a letter carries, joined by
-- line feeds) with its parts beside it for maps and sorting. source_date is the publication date of the newest file
-- that listed the value: an older file never retires what a newer one said. retired_run_id names the run that
-- retired a point, as first_run_id names the one that added it.
ALTER TABLE contact_points ADD COLUMN contact_use TEXT NOT NULL DEFAULT 'office'
    CHECK (contact_use IN ('office', 'circonscription', 'mairie', 'personal'));
ALTER TABLE contact_points ADD COLUMN label TEXT NULL;
ALTER TABLE contact_points ADD COLUMN street TEXT NULL;
ALTER TABLE contact_points ADD COLUMN postal_code TEXT NULL;
ALTER TABLE contact_points ADD COLUMN city TEXT NULL;
ALTER TABLE contact_points ADD COLUMN latitude REAL NULL;
ALTER TABLE contact_points ADD COLUMN longitude REAL NULL;
ALTER TABLE contact_points ADD COLUMN source_date TEXT NULL;
ALTER TABLE contact_points ADD COLUMN retired_run_id INTEGER NULL REFERENCES import_runs (id);

-- A mairie's e-mail, phone, address and site belong to its commune, not to a person: they are read with the commune's
-- current maire (and councillors) at each request, so a new maire after an election has them without a re-import.
CREATE TABLE commune_contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    commune_insee TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('email', 'phone', 'postal', 'web')),
    contact_use TEXT NOT NULL DEFAULT 'mairie' CHECK (contact_use IN ('office', 'circonscription', 'mairie', 'personal')),
    value TEXT NOT NULL,
    source TEXT NOT NULL,
    label TEXT NULL,
    street TEXT NULL,
    postal_code TEXT NULL,
    city TEXT NULL,
    latitude REAL NULL,
    longitude REAL NULL,
    source_date TEXT NULL,
    first_seen_utc TEXT NOT NULL,
    last_seen_utc TEXT NOT NULL,
    retired_utc TEXT NULL,
    bouncing_since_utc TEXT NULL,
    first_run_id INTEGER NULL REFERENCES import_runs (id),
    retired_run_id INTEGER NULL REFERENCES import_runs (id)
);

CREATE UNIQUE INDEX ux_commune_contacts ON commune_contacts (commune_insee, kind, source, value);

-- The import journal (0016) keeps, before a run changes a contact point it did not add (of an official, 'contact_point',
-- or of a mairie, 'commune_contact'), every column an import may now change: a revert puts back the point's retirement
-- and the run that retired it (a revived point's included), its source date and its description.
ALTER TABLE import_changes ADD COLUMN retired_run_id INTEGER NULL;
ALTER TABLE import_changes ADD COLUMN source_date TEXT NULL;
ALTER TABLE import_changes ADD COLUMN contact_use TEXT NULL;
ALTER TABLE import_changes ADD COLUMN label TEXT NULL;
ALTER TABLE import_changes ADD COLUMN street TEXT NULL;
ALTER TABLE import_changes ADD COLUMN postal_code TEXT NULL;
ALTER TABLE import_changes ADD COLUMN city TEXT NULL;
ALTER TABLE import_changes ADD COLUMN latitude REAL NULL;
ALTER TABLE import_changes ADD COLUMN longitude REAL NULL;
