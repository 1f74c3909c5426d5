-- Officials (élus), their identifiers per source, contact points and mandates; import runs with their reports.
-- Calendar dates (birth, mandate start and end, releases) are ISO 'yyyy-MM-dd' text on every engine.
CREATE TABLE officials (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    last_name TEXT NOT NULL,
    first_name TEXT NOT NULL,
    sex TEXT NULL,
    birth_date TEXT NULL,
    rne_key TEXT NULL,
    search_text TEXT NOT NULL,
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_officials_rne_key ON officials (rne_key);
CREATE INDEX ix_officials_search_text ON officials (search_text);

CREATE TABLE official_identifiers (
    official_id INTEGER NOT NULL REFERENCES officials (id),
    source TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (source, value)
);

CREATE INDEX ix_official_identifiers_official_id ON official_identifiers (official_id);

CREATE TABLE import_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,
    file_type TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL,
    release_date TEXT NULL,
    status TEXT NOT NULL,
    started_utc TEXT NOT NULL,
    finished_utc TEXT NULL,
    rows_read INTEGER NOT NULL DEFAULT 0,
    rows_unreadable INTEGER NOT NULL DEFAULT 0,
    officials_added INTEGER NOT NULL DEFAULT 0,
    mandates_added INTEGER NOT NULL DEFAULT 0,
    mandates_ended INTEGER NOT NULL DEFAULT 0,
    mandates_unchanged INTEGER NOT NULL DEFAULT 0,
    contacts_added INTEGER NOT NULL DEFAULT 0,
    contacts_changed INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    unmatched INTEGER NOT NULL DEFAULT 0,
    error TEXT NULL
);

CREATE TABLE import_issues (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER NOT NULL REFERENCES import_runs (id),
    line INTEGER NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL
);

CREATE INDEX ix_import_issues_run_id ON import_issues (run_id);

CREATE TABLE contact_points (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    official_id INTEGER NOT NULL REFERENCES officials (id),
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    source TEXT NOT NULL,
    first_seen_utc TEXT NOT NULL,
    last_seen_utc TEXT NOT NULL,
    retired_utc TEXT NULL,
    first_run_id INTEGER NULL REFERENCES import_runs (id)
);

CREATE UNIQUE INDEX ux_contact_points ON contact_points (official_id, kind, source, value);

-- Most mandates (municipal councillors) have no circonscription, canton or région: partial indexes skip them.
-- seat_key names the seat a mandate holds ('depute:38-02', 'maire:38421', 'senateur:38'…).
CREATE TABLE mandates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    official_id INTEGER NOT NULL REFERENCES officials (id),
    role TEXT NOT NULL,
    seat_key TEXT NOT NULL,
    department_code TEXT NULL,
    circonscription_code TEXT NULL,
    commune_insee TEXT NULL,
    canton_code TEXT NULL,
    region_code TEXT NULL,
    group_code TEXT NULL,
    group_label TEXT NULL,
    function_label TEXT NULL,
    start_date TEXT NULL,
    end_date TEXT NULL,
    source TEXT NOT NULL,
    first_run_id INTEGER NULL REFERENCES import_runs (id),
    end_run_id INTEGER NULL REFERENCES import_runs (id)
);

CREATE INDEX ix_mandates_official_id ON mandates (official_id);
CREATE INDEX ix_mandates_role_department ON mandates (role, department_code);
CREATE INDEX ix_mandates_commune_insee ON mandates (commune_insee);
CREATE INDEX ix_mandates_circonscription_code ON mandates (circonscription_code) WHERE circonscription_code IS NOT NULL;
CREATE INDEX ix_mandates_canton_code ON mandates (canton_code) WHERE canton_code IS NOT NULL;
CREATE INDEX ix_mandates_region_code ON mandates (region_code) WHERE region_code IS NOT NULL;
