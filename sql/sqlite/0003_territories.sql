-- Territories of INSEE's Code officiel géographique and the commune → circonscription législative table.
CREATE TABLE regions (
    code TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE departments (
    code TEXT NOT NULL PRIMARY KEY,
    region_code TEXT NULL,
    name TEXT NOT NULL
);

CREATE TABLE cantons (
    code TEXT NOT NULL PRIMARY KEY,
    department_code TEXT NOT NULL,
    name TEXT NOT NULL
);

CREATE TABLE communes (
    insee TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    search_text TEXT NOT NULL,
    department_code TEXT NULL,
    region_code TEXT NULL,
    canton_code TEXT NULL,
    parent_insee TEXT NULL
);

CREATE INDEX ix_communes_department_code ON communes (department_code);

-- code is '{département}-{number:00}', e.g. '38-02', 'ZZ-01', '971-01'.
CREATE TABLE circonscriptions (
    code TEXT NOT NULL PRIMARY KEY,
    department_code TEXT NOT NULL,
    number INTEGER NOT NULL
);

-- partial = 1 when the commune is split across several circonscriptions (Paris, Marseille, Toulouse…).
CREATE TABLE commune_circonscriptions (
    commune_insee TEXT NOT NULL,
    circonscription_code TEXT NOT NULL,
    partial INTEGER NOT NULL,
    PRIMARY KEY (commune_insee, circonscription_code)
);

CREATE INDEX ix_commune_circonscriptions_circonscription ON commune_circonscriptions (circonscription_code);

-- Which reference releases are loaded, so start-up loads each once.
CREATE TABLE reference_releases (
    name TEXT NOT NULL PRIMARY KEY,
    loaded_utc TEXT NOT NULL
);

-- A structure in a commune split across circonscriptions names its own once its coordinator knows it.
ALTER TABLE organisations ADD COLUMN circonscription_code TEXT NULL;
