-- Imports that can never wreck the directory (#15): dry runs, ends held back from a file that looks partial,
-- mandates reopened when a release lists them again, where the release date came from and the outcome in French.
ALTER TABLE import_runs ADD COLUMN dry_run INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_runs ADD COLUMN release_date_source TEXT NULL;
ALTER TABLE import_runs ADD COLUMN mandates_reopened INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_runs ADD COLUMN mandates_held_back INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_runs ADD COLUMN outcome TEXT NULL;
