-- A number to call and an address to write to for every target (#21). A contact point says how it reaches (kind:
-- email, phone, postal, web) and what for (contact_use: office, circonscription, mairie; personal is never imported).
-- Phones are stored in E.164; a postal address is its formatted text (value: the lines a letter carries, joined by
-- line feeds) with its parts beside it for maps and sorting. source_date is the publication date of the newest file
-- that listed the value: an older file never retires what a newer one said. retired_run_id names the run that
-- retired a point, as first_run_id names the one that added it.
ALTER TABLE contact_points ADD contact_use nvarchar(20) NOT NULL DEFAULT 'office'
    CHECK (contact_use IN ('office', 'circonscription', 'mairie', 'personal'));
ALTER TABLE contact_points ADD label nvarchar(200) NULL;
ALTER TABLE contact_points ADD street nvarchar(400) NULL;
ALTER TABLE contact_points ADD postal_code nvarchar(10) NULL;
ALTER TABLE contact_points ADD city nvarchar(100) NULL;
ALTER TABLE contact_points ADD latitude float NULL;
ALTER TABLE contact_points ADD longitude float NULL;
ALTER TABLE contact_points ADD source_date nvarchar(10) NULL;
ALTER TABLE contact_points ADD retired_run_id bigint NULL REFERENCES import_runs (id);

-- A mairie's e-mail, phone, address and site belong to its commune, not to a person: they are read with the commune's
-- current maire (and councillors) at each request, so a new maire after an election has them without a re-import.
CREATE TABLE commune_contacts (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    commune_insee nvarchar(10) NOT NULL,
    kind nvarchar(30) NOT NULL CHECK (kind IN ('email', 'phone', 'postal', 'web')),
    contact_use nvarchar(20) NOT NULL DEFAULT 'mairie' CHECK (contact_use IN ('office', 'circonscription', 'mairie', 'personal')),
    value nvarchar(320) NOT NULL,
    source nvarchar(30) NOT NULL,
    label nvarchar(200) NULL,
    street nvarchar(400) NULL,
    postal_code nvarchar(10) NULL,
    city nvarchar(100) NULL,
    latitude float NULL,
    longitude float NULL,
    source_date nvarchar(10) NULL,
    first_seen_utc datetime2 NOT NULL,
    last_seen_utc datetime2 NOT NULL,
    retired_utc datetime2 NULL,
    bouncing_since_utc datetime2 NULL,
    first_run_id bigint NULL REFERENCES import_runs (id),
    retired_run_id bigint NULL REFERENCES import_runs (id)
);

CREATE UNIQUE INDEX ux_commune_contacts ON commune_contacts (commune_insee, kind, source, value);

-- The import journal (0016) keeps, before a run changes a contact point it did not add (of an official, 'contact_point',
-- or of a mairie, 'commune_contact'), every column an import may now change: a revert puts back the point's retirement
-- and the run that retired it (a revived point's included), its source date and its description.
ALTER TABLE import_changes ADD retired_run_id bigint NULL;
ALTER TABLE import_changes ADD source_date nvarchar(10) NULL;
ALTER TABLE import_changes ADD contact_use nvarchar(20) NULL;
ALTER TABLE import_changes ADD label nvarchar(200) NULL;
ALTER TABLE import_changes ADD street nvarchar(400) NULL;
ALTER TABLE import_changes ADD postal_code nvarchar(10) NULL;
ALTER TABLE import_changes ADD city nvarchar(100) NULL;
ALTER TABLE import_changes ADD latitude float NULL;
ALTER TABLE import_changes ADD longitude float NULL;
