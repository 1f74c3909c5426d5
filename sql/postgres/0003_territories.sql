-- Territories of INSEE's Code officiel géographique and the commune → circonscription législative table.
CREATE TABLE regions (
    code text NOT NULL PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE departments (
    code text NOT NULL PRIMARY KEY,
    region_code text NULL,
    name text NOT NULL
);

CREATE TABLE cantons (
    code text NOT NULL PRIMARY KEY,
    department_code text NOT NULL,
    name text NOT NULL
);

CREATE TABLE communes (
    insee text NOT NULL PRIMARY KEY,
    name text NOT NULL,
    search_text text NOT NULL,
    department_code text NULL,
    region_code text NULL,
    canton_code text NULL,
    parent_insee text NULL
);

CREATE INDEX ix_communes_department_code ON communes (department_code);

-- code is '{département}-{number:00}', e.g. '38-02', 'ZZ-01', '971-01'.
CREATE TABLE circonscriptions (
    code text NOT NULL PRIMARY KEY,
    department_code text NOT NULL,
    number integer NOT NULL
);

-- partial = true when the commune is split across several circonscriptions (Paris, Marseille, Toulouse…).
CREATE TABLE commune_circonscriptions (
    commune_insee text NOT NULL,
    circonscription_code text NOT NULL,
    partial boolean NOT NULL,
    PRIMARY KEY (commune_insee, circonscription_code)
);

CREATE INDEX ix_commune_circonscriptions_circonscription ON commune_circonscriptions (circonscription_code);

-- Which reference releases are loaded, so start-up loads each once.
CREATE TABLE reference_releases (
    name text NOT NULL PRIMARY KEY,
    loaded_utc timestamptz NOT NULL
);

-- A structure in a commune split across circonscriptions names its own once its coordinator knows it.
ALTER TABLE organisations ADD COLUMN circonscription_code text NULL;
