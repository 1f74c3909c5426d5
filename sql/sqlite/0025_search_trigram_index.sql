-- Official search (issue 24) looks names up in an FTS5 trigram index instead of scanning every official's search_text.
-- External content (the text stays in officials; the index holds only trigrams), detail='none' (no positions: the
-- smallest index and the fastest to build; a word is looked up as all of its trigrams, and the search checks each
-- candidate's words itself). Triggers keep it in step with every write to officials, the importers' set-wise inserts
-- included.
CREATE VIRTUAL TABLE officials_fts USING fts5 (search_text, content = 'officials', content_rowid = 'id', tokenize = 'trigram', detail = 'none');

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
