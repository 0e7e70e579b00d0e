-- SPDX-License-Identifier: MIT
-- Schema 13 (PostgreSQL): a registry that already holds documents records one `baseline` event
-- at its next write, as schemas/sql/013_replay_baseline.sql. (A PostgreSQL registry is always
-- created at the latest schema, so the row is never inserted here; the table is kept so that
-- the same SQL reads it on both backends.)
CREATE TABLE replay_baseline_due (singleton integer PRIMARY KEY CHECK (singleton = 1));
INSERT INTO replay_baseline_due (singleton) SELECT 1 WHERE EXISTS (SELECT 1 FROM document);
