-- A campaign's life is draft, active, ended, archived. The stored status keeps its first names (the CHECK of 0006, which
-- SQLite cannot alter in place): 'closed' is read as ended, and an active campaign whose deadline has passed reads as
-- ended too (CampaignStatuses.Sql). Archiving is a time of its own, so an archived campaign keeps how it ended.

ALTER TABLE campaigns ADD COLUMN archived_utc TEXT NULL;
