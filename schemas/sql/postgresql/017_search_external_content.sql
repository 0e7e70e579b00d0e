-- SPDX-License-Identifier: MIT
-- Schema 17 (PostgreSQL): SQLite's schema 17 stops FTS5 keeping a second copy of every title
-- and text (external content) and lets a bulk load defer the index to its end. pg_trgm's
-- indexes (schema 6) never held a copy and PostgreSQL maintains them itself, so neither is
-- needed here; the flag table and the view are created all the same, so that the same SQL
-- (a bulk load setting `deferred`, a read of the indexed form) runs on both backends.

CREATE TABLE search_index_state (
  singleton integer PRIMARY KEY CHECK (singleton = 1),
  deferred  integer NOT NULL CHECK (deferred IN (0, 1))
);
INSERT INTO search_index_state (singleton, deferred) VALUES (1, 0);

CREATE VIEW document_fts_source (id, title, text) AS
  SELECT d.id, d.title, coalesce(t.text || chr(10) || chr(10), '')
  FROM document d LEFT JOIN document_text t ON t.document = d.id;
