-- Reverting an import (#15). What a run adds carries its id (first_run_id; mandates it ends, end_run_id); what it
-- changes in rows it did not add is journalled in import_changes with the values those rows had before, so a revert
-- puts back exactly what was there. Runs applied before this migration have no journal and cannot be reverted.
ALTER TABLE officials ADD COLUMN first_run_id INTEGER NULL REFERENCES import_runs (id);
ALTER TABLE official_identifiers ADD COLUMN first_run_id INTEGER NULL REFERENCES import_runs (id);
ALTER TABLE import_runs ADD COLUMN journaled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_runs ADD COLUMN reverted_utc TEXT NULL;
ALTER TABLE import_runs ADD COLUMN revert_outcome TEXT NULL;

-- One row per change of a row the run did not add: a mandate reopened or given another group ('mandate'), a contact
-- point seen again or retired ('contact_point'). The other columns are the columns an import may change on that
-- entity, as they were just before the change: a row's first change in a run holds its state before the run.
CREATE TABLE import_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER NOT NULL REFERENCES import_runs (id),
    entity TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    end_date TEXT NULL,
    end_run_id INTEGER NULL,
    group_code TEXT NULL,
    group_label TEXT NULL,
    last_seen_utc TEXT NULL,
    retired_utc TEXT NULL
);

CREATE INDEX ix_import_changes_run ON import_changes (run_id, entity, entity_id);
CREATE INDEX ix_import_changes_entity ON import_changes (entity, entity_id);
