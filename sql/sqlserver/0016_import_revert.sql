-- Reverting an import (#15). What a run adds carries its id (first_run_id; mandates it ends, end_run_id); what it
-- changes in rows it did not add is journalled in import_changes with the values those rows had before, so a revert
-- puts back exactly what was there. Runs applied before this migration have no journal and cannot be reverted.
ALTER TABLE officials ADD first_run_id bigint NULL REFERENCES import_runs (id);
ALTER TABLE official_identifiers ADD first_run_id bigint NULL REFERENCES import_runs (id);
ALTER TABLE import_runs ADD journaled bit NOT NULL DEFAULT 0;
ALTER TABLE import_runs ADD reverted_utc datetime2 NULL;
ALTER TABLE import_runs ADD revert_outcome nvarchar(2000) NULL;

-- One row per change of a row the run did not add: a mandate reopened or given another group ('mandate'), a contact
-- point seen again or retired ('contact_point'). The other columns are the columns an import may change on that
-- entity, as they were just before the change: a row's first change in a run holds its state before the run.
CREATE TABLE import_changes (
    id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    run_id bigint NOT NULL REFERENCES import_runs (id),
    entity nvarchar(30) NOT NULL,
    entity_id bigint NOT NULL,
    action nvarchar(30) NOT NULL,
    end_date char(10) NULL,
    end_run_id bigint NULL,
    group_code nvarchar(40) NULL,
    group_label nvarchar(200) NULL,
    last_seen_utc datetime2 NULL,
    retired_utc datetime2 NULL
);

CREATE INDEX ix_import_changes_run ON import_changes (run_id, entity, entity_id);
CREATE INDEX ix_import_changes_entity ON import_changes (entity, entity_id);
