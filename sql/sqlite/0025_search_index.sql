-- Official search (issue 24) looks names up in an FTS5 word index instead of scanning every official's search_text:
-- each typed word is a prefix query ("martin"* finds martin, martine, martinez; never dumartin), in any order.
-- External content (the text stays in officials; the index holds only words), detail='none' and columnsize=0 (no
-- positions, no word counts: the smallest index and the fastest to build; per-row triggers cost 1.7 s over 0.25 s on
-- a million names, 4.0 s with word counts; a trigram index was tried first and took 3.5 times longer to build than a
-- word index). Its vocabulary, officials_fts_words, gives the search the words within a typo or two of a
-- typed one. Triggers keep the index in step with every write to officials, the importers' set-wise inserts included.
CREATE VIRTUAL TABLE officials_fts USING fts5 (search_text, content = 'officials', content_rowid = 'id', tokenize = 'unicode61', detail = 'none', columnsize = 0);

CREATE VIRTUAL TABLE officials_fts_words USING fts5vocab (officials_fts, row);

CREATE TRIGGER officials_fts_insert AFTER INSERT ON officials BEGIN
    INSERT INTO officials_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;

CREATE TRIGGER officials_fts_delete AFTER DELETE ON officials BEGIN
    INSERT INTO officials_fts (officials_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;

CREATE TRIGGER officials_fts_update AFTER UPDATE OF search_text ON officials BEGIN
    INSERT INTO officials_fts (officials_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO officials_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;

INSERT INTO officials_fts (officials_fts) VALUES ('rebuild');

-- The search ranks every candidate by its best mandate (role, function, ended or not): the index by official carries
-- those columns, so ranking 400 candidates reads no mandate row (same name and count of indexes: a large import drops
-- and re-creates it as before).
DROP INDEX ix_mandates_official_id;
CREATE INDEX ix_mandates_official_id ON mandates (official_id, end_date, role, function_label);

-- Coverage of a national campaign (every député, sénateur and maire: 35,000 targets) resolves its targets by role from
-- the current mandates at each read: the index by role carries what that reads, so the 35,000 rows come from the index
-- alone instead of 35,000 look-ups of the table (same name and count of indexes, as above).
DROP INDEX ix_mandates_role_department;
CREATE INDEX ix_mandates_role_department ON mandates (role, department_code, end_date, official_id, group_label);
