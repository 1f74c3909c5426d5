-- PostgreSQL adds a trigram index for official search here. SQL Server has no trigram index (full-text search matches
-- words, not the substrings q promises): its search scans the search_text index.
SELECT 1;
