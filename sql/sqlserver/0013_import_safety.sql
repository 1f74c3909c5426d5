-- Imports that can never wreck the directory (#15): dry runs, ends held back from a file that looks partial,
-- mandates reopened when a release lists them again, where the release date came from and the outcome in French.
ALTER TABLE import_runs ADD dry_run bit NOT NULL DEFAULT 0;
ALTER TABLE import_runs ADD release_date_source nvarchar(200) NULL;
ALTER TABLE import_runs ADD mandates_reopened int NOT NULL DEFAULT 0;
ALTER TABLE import_runs ADD mandates_held_back int NOT NULL DEFAULT 0;
ALTER TABLE import_runs ADD outcome nvarchar(2000) NULL;
