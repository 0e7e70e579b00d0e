-- SPDX-License-Identifier: MIT
-- Schema 11 (PostgreSQL): the title-ending indexes of schemas/sql/011_search_title_ends.sql
-- (one- and two-character queries that end a title, or a one-character query last but one).
-- SQLite's substr(title, -n) is right(title, n) here; PostgreSQL, like SQLite, uses an index on
-- an expression only for that very expression.
CREATE INDEX document_title_end1 ON document (right(title, 1));
CREATE INDEX document_title_end2 ON document (right(title, 2));
