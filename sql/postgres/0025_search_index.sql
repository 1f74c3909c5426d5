-- Official search (issue 24): candidates come from search_text LIKE '%word%' per word, which the pg_trgm GIN index of
-- 0012 serves now that the query no longer asks for rows in search_text order (the planner walked the b-tree in that
-- order and filtered every row). Organisation search uses the same LIKE: it gets the same kind of index where pg_trgm
-- exists; where it does not, both searches scan, and start-up goes on.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX IF NOT EXISTS ix_organisations_search_text_trgm ON organisations USING gin (search_text gin_trgm_ops);
    ELSE
        RAISE NOTICE 'pg_trgm is not installed: official and organisation search scan their tables';
    END IF;
END
$$;

-- Words, for the official search's first pass (each typed word begins a word of the name): a full-text GIN index over
-- the name's words (letters and digits; everything else a space, so that « saint-martin-d'heres » gives saint, martin,
-- d, heres as the search sees them), queried with prefix terms (martin:*). The trigram index above stays for typos. On
-- the seeded directory the planner scanned the table rather than read the trigram index (whose common trigrams make
-- long lists: 17 ms against 27 for the scan), and picks this one.
CREATE INDEX ix_officials_search_words ON officials USING gin (to_tsvector('simple', regexp_replace(search_text, '[^[:alnum:]]+', ' ', 'g')));
