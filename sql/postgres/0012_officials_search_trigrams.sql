-- Official search (q: search_text LIKE '%…%') scanned every official twice per request, for the page and for its total:
-- 45 ms for the total alone on the seeded directory, 9 requests/s under load. A trigram index answers the same LIKE.
-- pg_trgm ships with PostgreSQL and is a trusted extension (13+): the database's owner may create it. Where it cannot
-- be created, the search keeps working, by scanning, and start-up goes on.
DO $$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
        RAISE NOTICE 'pg_trgm cannot be created here (%): official search scans the officials table', SQLERRM;
        RETURN;
    END;
    CREATE INDEX ix_officials_search_text_trgm ON officials USING gin (search_text gin_trgm_ops);
END
$$;
