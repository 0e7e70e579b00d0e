-- SPDX-License-Identifier: MIT
-- Schema 8 (PostgreSQL): reading a document's hash and source without its text. SQLite keeps
-- the text inline before them; PostgreSQL moves long texts out of line (TOAST) anyway, but a
-- covering index lets the registry's join read hash and source by an index-only scan, as
-- schemas/sql/008_read_paths.sql does for SQLite.
CREATE INDEX document_text_summary ON document_text (document) INCLUDE (sha256, source);
