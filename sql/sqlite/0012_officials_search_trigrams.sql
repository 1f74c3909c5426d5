-- PostgreSQL adds a trigram index for official search here. SQLite has none short of an FTS5 table kept in step by
-- triggers, which would slow the officials' import: its search scans the search_text index (a few ms per request).
SELECT 1;
