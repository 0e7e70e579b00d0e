-- SPDX-License-Identifier: MIT
-- Schema 6 (PostgreSQL): full-text search over titles and texts. SQLite's FTS5 trigram table
-- (schemas/sql/006_search.sql) becomes pg_trgm GIN indexes on the columns themselves: a LIKE or
-- ILIKE '%…%' of three or more characters is answered from the index (case folded as FTS5's
-- trigram tokenizer folds it), and PostgreSQL keeps the index in the same transaction as every
-- change, so no trigger is needed. pg_trgm only sees characters the cluster's lc_ctype calls
-- alphanumeric: `normdoc init` refuses a cluster that would drop Chinese characters
-- (schemas/sql/postgresql/check_locale.sql). pg_trgm is a trusted extension (PostgreSQL 13 and
-- later): the database's owner may create it.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX document_title_trgm ON document USING gin (title gin_trgm_ops);
CREATE INDEX document_text_trgm ON document_text USING gin (text gin_trgm_ops);
