-- SPDX-License-Identifier: MIT
-- Schema 9 (PostgreSQL): nothing to do. SQLite's schema 9 appends two line breaks to every
-- indexed text so that FTS5's trigram vocabulary can answer one- and two-character queries by
-- prefix; pg_trgm indexes the columns themselves (schema 6), and the PostgreSQL store answers
-- short queries without a vocabulary table.
SELECT 1;
