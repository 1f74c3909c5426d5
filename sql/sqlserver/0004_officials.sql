-- Officials (élus), their identifiers per source, contact points and mandates; import runs with their reports.
-- Calendar dates (birth, mandate start and end, releases) are ISO 'yyyy-MM-dd' text on every engine.
CREATE TABLE officials (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    last_name nvarchar(100) NOT NULL,
    first_name nvarchar(100) NOT NULL,
    sex nchar(1) NULL,
    birth_date char(10) NULL,
    rne_key nvarchar(250) NULL,
    search_text nvarchar(250) NOT NULL,
    created_utc datetime2 NOT NULL,
    updated_utc datetime2 NOT NULL
);

CREATE UNIQUE INDEX ux_officials_rne_key ON officials (rne_key) WHERE rne_key IS NOT NULL;
CREATE INDEX ix_officials_search_text ON officials (search_text);

CREATE TABLE official_identifiers (
    official_id bigint NOT NULL REFERENCES officials (id),
    source nvarchar(30) NOT NULL,
    value nvarchar(320) NOT NULL,
    PRIMARY KEY (source, value)
);

CREATE INDEX ix_official_identifiers_official_id ON official_identifiers (official_id);

CREATE TABLE import_runs (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    source nvarchar(30) NOT NULL,
    file_type nvarchar(40) NOT NULL,
    file_name nvarchar(260) NOT NULL,
    sha256 char(64) NOT NULL,
    format nvarchar(200) NOT NULL,
    release_date char(10) NULL,
    status nvarchar(20) NOT NULL,
    started_utc datetime2 NOT NULL,
    finished_utc datetime2 NULL,
    rows_read int NOT NULL DEFAULT 0,
    rows_unreadable int NOT NULL DEFAULT 0,
    officials_added int NOT NULL DEFAULT 0,
    mandates_added int NOT NULL DEFAULT 0,
    mandates_ended int NOT NULL DEFAULT 0,
    mandates_unchanged int NOT NULL DEFAULT 0,
    contacts_added int NOT NULL DEFAULT 0,
    contacts_changed int NOT NULL DEFAULT 0,
    duplicates int NOT NULL DEFAULT 0,
    unmatched int NOT NULL DEFAULT 0,
    error nvarchar(2000) NULL
);

CREATE TABLE import_issues (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    run_id bigint NOT NULL REFERENCES import_runs (id),
    line int NULL,
    kind nvarchar(30) NOT NULL,
    message nvarchar(1000) NOT NULL
);

CREATE INDEX ix_import_issues_run_id ON import_issues (run_id);

CREATE TABLE contact_points (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    official_id bigint NOT NULL REFERENCES officials (id),
    kind nvarchar(30) NOT NULL,
    value nvarchar(320) NOT NULL,
    source nvarchar(30) NOT NULL,
    first_seen_utc datetime2 NOT NULL,
    last_seen_utc datetime2 NOT NULL,
    retired_utc datetime2 NULL,
    first_run_id bigint NULL REFERENCES import_runs (id)
);

CREATE UNIQUE INDEX ux_contact_points ON contact_points (official_id, kind, source, value);

-- Most mandates (municipal councillors) have no circonscription, canton or région: partial indexes skip them.
-- seat_key names the seat a mandate holds ('depute:38-02', 'maire:38421', 'senateur:38'…).
CREATE TABLE mandates (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    official_id bigint NOT NULL REFERENCES officials (id),
    role nvarchar(40) NOT NULL,
    seat_key nvarchar(60) NOT NULL,
    department_code nvarchar(3) NULL,
    circonscription_code nvarchar(10) NULL,
    commune_insee nvarchar(5) NULL,
    canton_code nvarchar(5) NULL,
    region_code nvarchar(3) NULL,
    group_code nvarchar(40) NULL,
    group_label nvarchar(200) NULL,
    function_label nvarchar(200) NULL,
    start_date char(10) NULL,
    end_date char(10) NULL,
    source nvarchar(30) NOT NULL,
    first_run_id bigint NULL REFERENCES import_runs (id),
    end_run_id bigint NULL REFERENCES import_runs (id)
);

CREATE INDEX ix_mandates_official_id ON mandates (official_id);
CREATE INDEX ix_mandates_role_department ON mandates (role, department_code);
CREATE INDEX ix_mandates_commune_insee ON mandates (commune_insee);
CREATE INDEX ix_mandates_circonscription_code ON mandates (circonscription_code) WHERE circonscription_code IS NOT NULL;
CREATE INDEX ix_mandates_canton_code ON mandates (canton_code) WHERE canton_code IS NOT NULL;
CREATE INDEX ix_mandates_region_code ON mandates (region_code) WHERE region_code IS NOT NULL;
