-- Territories of INSEE's Code officiel géographique and the commune → circonscription législative table.
CREATE TABLE regions (
    code nvarchar(10) NOT NULL PRIMARY KEY,
    name nvarchar(200) NOT NULL
);

CREATE TABLE departments (
    code nvarchar(10) NOT NULL PRIMARY KEY,
    region_code nvarchar(3) NULL,
    name nvarchar(200) NOT NULL
);

CREATE TABLE cantons (
    code nvarchar(10) NOT NULL PRIMARY KEY,
    department_code nvarchar(3) NOT NULL,
    name nvarchar(200) NOT NULL
);

CREATE TABLE communes (
    insee nvarchar(5) NOT NULL PRIMARY KEY,
    name nvarchar(200) NOT NULL,
    search_text nvarchar(200) NOT NULL,
    department_code nvarchar(3) NULL,
    region_code nvarchar(3) NULL,
    canton_code nvarchar(5) NULL,
    parent_insee nvarchar(5) NULL
);

CREATE INDEX ix_communes_department_code ON communes (department_code);

-- code is '{département}-{number:00}', e.g. '38-02', 'ZZ-01', '971-01'.
CREATE TABLE circonscriptions (
    code nvarchar(10) NOT NULL PRIMARY KEY,
    department_code nvarchar(3) NOT NULL,
    number int NOT NULL
);

-- partial = 1 when the commune is split across several circonscriptions (Paris, Marseille, Toulouse…).
CREATE TABLE commune_circonscriptions (
    commune_insee nvarchar(5) NOT NULL,
    circonscription_code nvarchar(10) NOT NULL,
    partial bit NOT NULL,
    PRIMARY KEY (commune_insee, circonscription_code)
);

CREATE INDEX ix_commune_circonscriptions_circonscription ON commune_circonscriptions (circonscription_code);

-- Which reference releases are loaded, so start-up loads each once.
CREATE TABLE reference_releases (
    name nvarchar(200) NOT NULL PRIMARY KEY,
    loaded_utc datetime2 NOT NULL
);

-- A structure in a commune split across circonscriptions names its own once its coordinator knows it.
ALTER TABLE organisations ADD circonscription_code nvarchar(10) NULL;
