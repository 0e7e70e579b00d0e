-- SPDX-License-Identifier: MIT
-- Schema 17: the full-text index no longer keeps a second copy of every title and text. It
-- reads them from the registry (FTS5 external content, through the view below, which gives
-- exactly what schemas 6 and 9 indexed: the title, and the text followed by two line breaks),
-- and the triggers tell it what each change removes and adds. A bulk load (a large import or
-- bundle) sets `deferred` for the length of its transaction: the triggers then do nothing and
-- the load rebuilds the index once at its end, in the same transaction.

CREATE TABLE search_index_state (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  deferred  INTEGER NOT NULL CHECK (deferred IN (0, 1))
);
INSERT INTO search_index_state (singleton, deferred) VALUES (1, 0);

DROP TRIGGER document_fts_insert;
DROP TRIGGER document_fts_title;
DROP TRIGGER document_fts_text_insert;
DROP TRIGGER document_fts_text_update;
DROP TABLE document_fts;

CREATE VIEW document_fts_source (id, title, text) AS
  SELECT d.id, d.title, coalesce(t.text || char(10, 10), '') FROM document d LEFT JOIN document_text t ON t.document = d.id;

CREATE VIRTUAL TABLE document_fts USING fts5(title, text, tokenize = 'trigram', content = 'document_fts_source',
                                             content_rowid = 'id');

-- FTS5 removes what it is told was indexed ('delete' with the old values), so each trigger
-- names the values as they were before the change.
CREATE TRIGGER document_fts_insert AFTER INSERT ON document
WHEN (SELECT deferred FROM search_index_state) = 0 BEGIN
  INSERT INTO document_fts (rowid, title, text) SELECT id, title, text FROM document_fts_source WHERE id = new.id;
END;

CREATE TRIGGER document_fts_title AFTER UPDATE OF title ON document
WHEN (SELECT deferred FROM search_index_state) = 0 BEGIN
  INSERT INTO document_fts (document_fts, rowid, title, text)
    SELECT 'delete', old.id, old.title, text FROM document_fts_source WHERE id = old.id;
  INSERT INTO document_fts (rowid, title, text) SELECT id, title, text FROM document_fts_source WHERE id = new.id;
END;

CREATE TRIGGER document_fts_text_insert AFTER INSERT ON document_text
WHEN (SELECT deferred FROM search_index_state) = 0 BEGIN
  INSERT INTO document_fts (document_fts, rowid, title, text) SELECT 'delete', id, title, '' FROM document WHERE id = new.document;
  INSERT INTO document_fts (rowid, title, text) SELECT id, title, text FROM document_fts_source WHERE id = new.document;
END;

CREATE TRIGGER document_fts_text_update AFTER UPDATE OF text ON document_text
WHEN (SELECT deferred FROM search_index_state) = 0 BEGIN
  INSERT INTO document_fts (document_fts, rowid, title, text)
    SELECT 'delete', id, title, old.text || char(10, 10) FROM document WHERE id = old.document;
  INSERT INTO document_fts (rowid, title, text) SELECT id, title, text FROM document_fts_source WHERE id = new.document;
END;

CREATE TRIGGER document_fts_text_delete AFTER DELETE ON document_text
WHEN (SELECT deferred FROM search_index_state) = 0 BEGIN
  INSERT INTO document_fts (document_fts, rowid, title, text)
    SELECT 'delete', id, title, old.text || char(10, 10) FROM document WHERE id = old.document;
  INSERT INTO document_fts (rowid, title, text) SELECT id, title, '' FROM document WHERE id = old.document;
END;

INSERT INTO document_fts (document_fts) VALUES ('rebuild');
