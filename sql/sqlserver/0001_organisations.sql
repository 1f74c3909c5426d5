-- Organisations: structures (MSP, centres de santé…) and the federations, networks and allies they belong to.
CREATE TABLE organisations (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    type nvarchar(20) NOT NULL CHECK (type IN ('structure', 'federation')),
    kind nvarchar(50) NOT NULL,
    name nvarchar(200) NOT NULL,
    name_key nvarchar(450) NOT NULL,
    search_text nvarchar(max) NOT NULL,
    commune_insee nvarchar(5) NULL,
    commune_name nvarchar(100) NULL,
    department_code nvarchar(3) NULL,
    region_code nvarchar(2) NULL,
    mailbox nvarchar(254) NULL,
    version int NOT NULL DEFAULT 1,
    created_utc datetime2 NOT NULL,
    updated_utc datetime2 NOT NULL
);

CREATE UNIQUE INDEX ux_organisations_name_key ON organisations (name_key);
CREATE INDEX ix_organisations_department_code ON organisations (department_code);

CREATE TABLE organisation_parents (
    organisation_id bigint NOT NULL REFERENCES organisations (id),
    parent_id bigint NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (organisation_id, parent_id),
    CHECK (organisation_id <> parent_id)
);

CREATE INDEX ix_organisation_parents_parent_id ON organisation_parents (parent_id);
