-- Organisations: structures (MSP, centres de santé…) and the federations, networks and allies they belong to.
CREATE TABLE organisations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL CHECK (type IN ('structure', 'federation')),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    search_text TEXT NOT NULL,
    commune_insee TEXT NULL,
    commune_name TEXT NULL,
    department_code TEXT NULL,
    region_code TEXT NULL,
    mailbox TEXT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_organisations_name_key ON organisations (name_key);
CREATE INDEX ix_organisations_department_code ON organisations (department_code);
CREATE INDEX ix_organisations_search_text ON organisations (search_text);

CREATE TABLE organisation_parents (
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    parent_id INTEGER NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (organisation_id, parent_id),
    CHECK (organisation_id <> parent_id)
);

CREATE INDEX ix_organisation_parents_parent_id ON organisation_parents (parent_id);
