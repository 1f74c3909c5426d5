-- Official search (issue 24) on SQL Server: no index. Full-text search indexes words, not the three-letter pieces a
-- search with typos looks for, and CREATE FULLTEXT INDEX cannot run inside the migration's transaction;
-- the search's LIKE '%word%' candidates scan the search_text index (documented in README Limits). The words are then
-- checked and ranked in C#, as on the other engines, so the results are the same.
SELECT 1;
